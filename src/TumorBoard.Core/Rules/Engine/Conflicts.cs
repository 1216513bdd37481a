namespace TumorBoard.Core.Rules.Engine;

/// <summary>
/// Finds therapies that fired rules predict both ways. A therapy is its whole drug set, so a resistance
/// to cetuximab alone does not conflict with sensitivity to adagrasib + cetuximab.
/// </summary>
internal static class Conflicts
{
    public static IReadOnlyList<TherapyConflict> Find(List<(CompiledRule Rule, TherapyMatch Match)> fired)
    {
        Dictionary<string, (bool Sensitive, bool Resistant)>? effects = null;
        foreach (var (rule, match) in fired)
        {
            effects ??= new Dictionary<string, (bool, bool)>(StringComparer.Ordinal);
            effects.TryGetValue(rule.TherapyKey, out var seen);
            effects[rule.TherapyKey] = match.Effect == TherapyEffect.Sensitive ? (true, seen.Resistant) : (seen.Sensitive, true);
        }

        if (effects is null || !effects.Values.Any(e => e.Sensitive && e.Resistant))
        {
            return [];
        }

        return fired
            .Where(f => effects[f.Rule.TherapyKey] is (true, true))
            .GroupBy(f => f.Rule.TherapyKey, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TherapyConflict(
                g.First().Match.Drugs,
                g.Where(f => f.Match.Effect == TherapyEffect.Sensitive).Select(f => f.Match.RuleId).Order(StringComparer.Ordinal).ToList(),
                g.Where(f => f.Match.Effect == TherapyEffect.Resistant).Select(f => f.Match.RuleId).Order(StringComparer.Ordinal).ToList()))
            .ToList();
    }

    public static List<TherapyMatch> Mark(List<TherapyMatch> therapies, IReadOnlyList<TherapyConflict> conflicts)
    {
        var inConflict = conflicts.SelectMany(c => c.SensitiveRuleIds.Concat(c.ResistantRuleIds)).ToHashSet(StringComparer.Ordinal);
        return therapies.ConvertAll(t => inConflict.Contains(t.RuleId) ? t with { InConflict = true } : t);
    }
}
