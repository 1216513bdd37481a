using System.Globalization;
using TumorBoard.Core.Patients;

namespace TumorBoard.Core.Trials;

/// <summary>
/// Turns recorded disease-status assessments into the trial engine's progression fact: the latest dated
/// assessment on or before the evaluation date that says something (undetermined ones are skipped) decides;
/// undated ones count only when nothing is dated. No assessment = the fact stays unknown.
/// </summary>
public static class DiseaseStatusFacts
{
    public static (bool Progression, string Source)? Progression(IReadOnlyList<DiseaseStatusRecord> statuses, DateOnly evaluationDate)
    {
        var latest = statuses
            .Where(s => s.Status != DiseaseStatus.Undetermined)
            .Where(s => s.EffectiveAt is null || DateOnly.FromDateTime(s.EffectiveAt.Value.UtcDateTime) <= evaluationDate)
            .OrderByDescending(s => s.EffectiveAt ?? DateTimeOffset.MinValue)
            .FirstOrDefault();
        if (latest is null)
        {
            return null;
        }

        var date = latest.EffectiveAt?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";
        var text = latest.Status switch
        {
            DiseaseStatus.Progression => "progression",
            DiseaseStatus.Stable => "stable disease",
            DiseaseStatus.Improved => "improved",
            _ => "no evidence of disease",
        };
        return (latest.Status == DiseaseStatus.Progression, $"disease status {text} on {date}, {latest.Source}");
    }
}
