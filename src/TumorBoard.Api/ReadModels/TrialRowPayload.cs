using System.Text.Json;

namespace TumorBoard.Api.ReadModels;

/// <summary>
/// What a trial row's payload holds: the arm match's criteria trace, stored once (the evaluation document holds the
/// rest of the match and leaves the trace out). Rows written before this kept the whole match; reading picks the
/// trace out of either shape.
/// </summary>
public sealed record TrialRowPayload(IReadOnlyList<TrialCriterionDto> Criteria)
{
    /// <summary>The payload of <paramref name="trial"/>'s row.</summary>
    public static string Of(TrialRecommendationDto trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        return JsonSerializer.Serialize(new TrialRowPayload(trial.Criteria), EvaluationJsonContext.Default.TrialRowPayload);
    }

    /// <summary>The criteria trace of a stored payload (this shape or a whole match: both name it <c>criteria</c>).</summary>
    public static IReadOnlyList<TrialCriterionDto> CriteriaOf(string payload) =>
        JsonSerializer.Deserialize(payload, EvaluationJsonContext.Default.TrialRowPayload)?.Criteria ?? [];
}
