namespace TumorBoard.Core.Trials.Evaluation;

/// <summary>
/// Applies a trial's assignment order: for NCI-MATCH, the arms the patient is eligible or potential for that
/// carry a level of evidence are ranked 1, 2, ... from the highest level (1) down, ties by arm id.
/// </summary>
internal static class ArmRanks
{
    public static IReadOnlyList<ArmMatch> Apply(List<(CompiledArm Arm, ArmMatch Match)> results)
    {
        var ranked = new Dictionary<ArmMatch, int>(ReferenceEqualityComparer.Instance);
        foreach (var trial in results.Where(r => r.Arm.Trial.Ranking == ArmRanking.LevelOfEvidence).GroupBy(r => r.Arm.TrialIndex))
        {
            var order = trial
                .Where(r => r.Match.Status != EligibilityStatus.Ineligible && r.Match.LevelOfEvidence is not null)
                .OrderBy(r => r.Match.LevelOfEvidence, StringComparer.OrdinalIgnoreCase)
                .ThenBy(r => r.Match.ArmId, StringComparer.Ordinal)
                .ToList();
            for (var i = 0; i < order.Count; i++)
            {
                ranked[order[i].Match] = i + 1;
            }
        }

        return results.ConvertAll(r => ranked.TryGetValue(r.Match, out var rank) ? r.Match with { Rank = rank } : r.Match);
    }
}
