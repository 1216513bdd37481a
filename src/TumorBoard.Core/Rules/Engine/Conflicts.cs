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

        List<string>? conflicted = null;
        foreach (var (key, seen) in effects ?? [])
        {
            if (seen is (true, true))
            {
                (conflicted ??= []).Add(key);
            }
        }

        if (conflicted is null)
        {
            return [];
        }

        // By therapy key; each with the drugs of its first fired rule and the rule ids on either side, sorted.
        conflicted.Sort(StringComparer.Ordinal);
        var result = new List<TherapyConflict>(conflicted.Count);
        foreach (var key in conflicted)
        {
            IReadOnlyList<string>? drugs = null;
            var sensitive = new List<string>();
            var resistant = new List<string>();
            foreach (var (rule, match) in fired)
            {
                if (!string.Equals(rule.TherapyKey, key, StringComparison.Ordinal))
                {
                    continue;
                }

                drugs ??= match.Drugs;
                if (match.Effect == TherapyEffect.Sensitive)
                {
                    sensitive.Add(match.RuleId);
                }
                else if (match.Effect == TherapyEffect.Resistant)
                {
                    resistant.Add(match.RuleId);
                }
            }

            sensitive.Sort(StringComparer.Ordinal);
            resistant.Sort(StringComparer.Ordinal);
            result.Add(new TherapyConflict(drugs!, sensitive, resistant));
        }

        return result;
    }

    public static List<TherapyMatch> Mark(List<TherapyMatch> therapies, IReadOnlyList<TherapyConflict> conflicts)
    {
        var inConflict = new HashSet<string>(StringComparer.Ordinal);
        foreach (var conflict in conflicts)
        {
            inConflict.UnionWith(conflict.SensitiveRuleIds);
            inConflict.UnionWith(conflict.ResistantRuleIds);
        }

        for (var i = 0; i < therapies.Count; i++)
        {
            if (inConflict.Contains(therapies[i].RuleId))
            {
                therapies[i] = therapies[i] with { InConflict = true };
            }
        }

        return therapies;
    }
}
