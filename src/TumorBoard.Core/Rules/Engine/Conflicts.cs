namespace TumorBoard.Core.Rules.Engine;

/// <summary>
/// Finds therapies that fired rules predict both ways. A therapy is its whole drug set, so a resistance
/// to cetuximab alone does not conflict with sensitivity to adagrasib + cetuximab.
/// </summary>
internal static class Conflicts
{
    public static IReadOnlyList<TherapyConflict> Find(List<TherapyMatch> therapies)
    {
        if (therapies.Count < 2)
        {
            return [];
        }

        var keyByRule = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var therapy in therapies)
        {
            keyByRule[therapy.RuleId] = TherapyKey(therapy.Drugs);
        }

        var conflicts = new List<TherapyConflict>();
        foreach (var group in therapies.GroupBy(t => keyByRule[t.RuleId], StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var sensitive = group.Where(t => t.Effect == TherapyEffect.Sensitive).Select(t => t.RuleId).ToList();
            var resistant = group.Where(t => t.Effect == TherapyEffect.Resistant).Select(t => t.RuleId).ToList();
            if (sensitive.Count > 0 && resistant.Count > 0)
            {
                conflicts.Add(new TherapyConflict(group.First().Drugs, sensitive, resistant));
            }
        }

        return conflicts;
    }

    public static List<TherapyMatch> Mark(List<TherapyMatch> therapies, IReadOnlyList<TherapyConflict> conflicts)
    {
        var inConflict = conflicts.SelectMany(c => c.SensitiveRuleIds.Concat(c.ResistantRuleIds)).ToHashSet(StringComparer.Ordinal);
        return therapies.ConvertAll(t => inConflict.Contains(t.RuleId) ? t with { InConflict = true } : t);
    }

    private static string TherapyKey(IReadOnlyList<string> drugs) => string.Join('+', drugs.Order(StringComparer.Ordinal));
}
