using System.Text.Json.Nodes;
using TumorBoard.Api.ReadModels;

namespace TumorBoard.Api.Features.Subscriptions;

/// <summary>A trial row of a patient's previous latest evaluation, as the writer that replaces it saw it.</summary>
public sealed record PreviousArmStatus(Guid PatientId, string? TrialId, string? ArmId, string? Status, string? ArmStatus);

/// <summary>
/// Which arms an evaluation newly lists the patient on: eligible or potential now, for an arm open at evaluation,
/// where the previous evaluation did not list the patient on that arm while it was open, or listed them as
/// potential when now eligible. A patient who stays listed on an open arm, or drops from eligible to potential,
/// raises nothing; an arm that re-opens announces the patients it lists (they could not be enrolled before). Pure: the writers pass the previous
/// rows they clear anyway (<c>UPDATE ... RETURNING</c>), so detecting costs no extra query.
/// </summary>
public static class ArmMatchEvents
{
    public static IReadOnlyList<OutboxEvent> For(EvaluationDocument evaluation, IEnumerable<PreviousArmStatus> previous, string? baseUrl)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(previous);
        var before = previous
            .Where(p => p.PatientId == evaluation.PatientId && p.TrialId is not null && p.ArmId is not null && p.Status is not null
                && string.Equals(p.ArmStatus, "open", StringComparison.Ordinal))
            .GroupBy(p => (p.TrialId!, p.ArmId!))
            .ToDictionary(g => g.Key, g => g.Select(p => p.Status!).ToHashSet(StringComparer.Ordinal));
        var events = new List<OutboxEvent>();
        foreach (var arm in evaluation.Trials)
        {
            if (!IsListed(arm.Status) || !string.Equals(arm.ArmStatus, "open", StringComparison.Ordinal))
            {
                continue;
            }

            var had = before.GetValueOrDefault((arm.TrialId, arm.ArmId)) ?? [];
            var isNew = arm.Status == "eligible" ? !had.Contains("eligible") : !had.Contains("eligible") && !had.Contains("potential");
            if (isNew)
            {
                events.Add(new OutboxEvent(EventTypes.ArmMatch, arm.TrialId, arm.ArmId, evaluation.PatientId, new JsonObject
                {
                    ["trialId"] = arm.TrialId,
                    ["armId"] = arm.ArmId,
                    ["patientId"] = evaluation.PatientId,
                    ["status"] = arm.Status,
                    ["evaluationId"] = evaluation.EvaluationId,
                    ["link"] = $"{baseUrl?.TrimEnd('/')}/api/evaluations/{evaluation.EvaluationId}",
                }));
            }
        }

        return events;
    }

    private static bool IsListed(string status) => status is "eligible" or "potential";
}
