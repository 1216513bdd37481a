using System.Text.Json.Nodes;
using TumorBoard.Api.ReadModels;

namespace TumorBoard.Api.Features.Subscriptions;

/// <summary>
/// Which molecular-progression flags of an evaluation become <c>molecular.progression</c> events: those whose later
/// draw is new since the patient's previous evaluation (its report was not among the reports that evaluation rested
/// on), so a re-match, a re-evaluation request or a re-post of the same draws announces nothing again. Per alteration
/// and progression rule, one event: the latest new rise (four rising draws in one bundle are one alert, not four).
/// Pure: the writers pass the previous evaluation's report ids.
/// </summary>
public static class ProgressionEvents
{
    /// <param name="evaluation">The new evaluation with its flags.</param>
    /// <param name="previousReportIds">The reports the patient's previous evaluation rested on; null when there was none (every draw is new).</param>
    /// <param name="baseUrl">Makes <c>link</c> absolute when set.</param>
    public static IReadOnlyList<OutboxEvent> For(EvaluationDocument evaluation, IReadOnlyCollection<Guid>? previousReportIds, string? baseUrl)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var seen = previousReportIds is null ? [] : previousReportIds.ToHashSet();
        return evaluation.MolecularProgression
            .Where(p => !seen.Contains(p.ToReportId))
            .GroupBy(p => (p.AlterationKey, p.ProgressionRuleId))
            .Select(g => g.OrderBy(p => p.ToDate ?? DateTimeOffset.MinValue).Last())
            .Select(p => new OutboxEvent(EventTypes.MolecularProgression, TrialId: null, ArmId: null, evaluation.PatientId, Fields(evaluation, p, baseUrl)))
            .ToList();
    }

    /// <summary>Internal ids, codes, values and dates only: no name, MRN, accession or any identifier from the EHR.</summary>
    private static JsonObject Fields(EvaluationDocument evaluation, MolecularProgressionDto p, string? baseUrl) => new()
    {
        ["patientId"] = evaluation.PatientId,
        ["evaluationId"] = evaluation.EvaluationId,
        ["alterationKey"] = p.AlterationKey,
        ["gene"] = p.Gene,
        ["kind"] = p.Kind,
        ["from"] = Draw(p.FromReportId, p.FromDate, p.FromVaf),
        ["to"] = Draw(p.ToReportId, p.ToDate, p.ToVaf),
        ["underTherapies"] = new JsonArray(p.UnderTherapies.Select(t => (JsonNode)new JsonObject
        {
            ["drugs"] = new JsonArray(t.Drugs.Select(d => (JsonNode)JsonValue.Create(d)).ToArray()),
            ["start"] = t.Start?.UtcDateTime,
            ["end"] = t.End?.UtcDateTime,
        }).ToArray()),
        ["resistedDrugs"] = new JsonArray(p.ResistedDrugs.Select(d => (JsonNode)JsonValue.Create(d)).ToArray()),
        ["progressionRuleId"] = p.ProgressionRuleId,
        ["resistanceRuleId"] = p.ResistanceRuleId,
        ["summary"] = p.Summary,
        ["link"] = $"{baseUrl?.TrimEnd('/')}/api/patients/{evaluation.PatientId}/evolution",
    };

    /// <summary>A draw by its sample (the internal report id), date and VAF (null: not detected there).</summary>
    private static JsonObject Draw(Guid reportId, DateTimeOffset? at, decimal? vaf) => new()
    {
        ["reportId"] = reportId,
        ["date"] = at?.UtcDateTime,
        ["vaf"] = vaf,
    };
}
