using System.Globalization;
using TumorBoard.Core.Trials.Criteria;

namespace TumorBoard.Core.Trials.Evaluation;

/// <summary>
/// Counts recorded treatment lines: each recorded regimen (drugs given over the same period form one) that
/// contains a drug in scope is one line. Without a complete history the count is a lower bound.
/// </summary>
internal static class PriorLineCount
{
    public static Verdict Evaluate(PriorLinesCriterion criterion, EvaluationContext context)
    {
        var lines = context.Patient.PriorTherapies
            .Where(t => criterion.ResolvedDrugs.Count == 0 || t.Drugs.Any(d => criterion.ResolvedDrugs.Contains(d, StringComparer.OrdinalIgnoreCase)))
            .Where(t => t.Start is null || DateOnly.FromDateTime(t.Start.Value.UtcDateTime) <= context.EvaluationDate)
            .ToList();
        var count = lines.Count;
        var complete = context.Patient.PriorTherapiesComplete;
        var detail = count == 0
            ? "no such line recorded"
            : $"{count.ToString(CultureInfo.InvariantCulture)} recorded: {string.Join("; ", lines.Select(ClinicalCriteria.Therapy))}";
        if (criterion.Max is { } max && count > max)
        {
            return Verdict.Unmet(detail);
        }

        if (criterion.Min is { } min && count < min)
        {
            return complete ? Verdict.Unmet(detail) : Verdict.Unknown(detail + "; therapy history may be incomplete");
        }

        return complete || criterion.Max is null ? Verdict.Met(detail) : Verdict.Unknown(detail + "; therapy history may be incomplete");
    }
}
