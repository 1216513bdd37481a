using TumorBoard.Core.Rules.Engine;

namespace TumorBoard.Core.Rules.Civic;

/// <summary>
/// The layering's results: one CIViC finding from the matches that say the same thing (therapy, effect, alteration),
/// their evidence merged, ordered and without repeats, and the whole evaluation in its fixed order.
/// </summary>
public static partial class CivicLayering
{
    /// <summary>The evaluation in its fixed order: findings by level, CIViC level, alteration and therapy; the rest by curated rule.</summary>
    internal static CivicEvaluation Finish(
        CivicLayer layer,
        List<(CivicFinding Finding, string Therapy)> findings,
        Dictionary<TherapyMatch, List<CivicEvidence>> corroborations,
        Dictionary<TherapyMatch, List<CivicEvidence>> conflicts)
    {
        findings.Sort(static (x, y) =>
        {
            var (a, b) = (x.Finding, y.Finding);
            var c = a.Level.Rank().CompareTo(b.Level.Rank());
            c = c != 0 ? c : string.CompareOrdinal(a.CivicLevel, b.CivicLevel);
            c = c != 0 ? c : string.CompareOrdinal(a.AlterationKey, b.AlterationKey);
            return c != 0 ? c : string.CompareOrdinal(x.Therapy, y.Therapy);
        });

        var corroborationList = new List<CivicCorroboration>(corroborations.Count);
        foreach (var (curated, evidence) in corroborations)
        {
            corroborationList.Add(new CivicCorroboration(curated.RuleId, curated.AlterationKey, Ordered(evidence)));
        }

        corroborationList.Sort(static (a, b) =>
        {
            var c = string.CompareOrdinal(a.RuleId, b.RuleId);
            return c != 0 ? c : string.CompareOrdinal(a.AlterationKey, b.AlterationKey);
        });
        var conflictList = new List<CivicConflict>(conflicts.Count);
        foreach (var (curated, evidence) in conflicts)
        {
            conflictList.Add(new CivicConflict(curated.RuleId, curated.AlterationKey, curated.Drugs, curated.Effect, Ordered(evidence)));
        }

        conflictList.Sort(static (a, b) =>
        {
            var c = string.CompareOrdinal(a.CuratedRuleId, b.CuratedRuleId);
            return c != 0 ? c : string.CompareOrdinal(a.AlterationKey, b.AlterationKey);
        });

        return new CivicEvaluation
        {
            Version = layer.Version,
            Findings = findings.ConvertAll(f => f.Finding),
            Corroborations = corroborationList,
            Conflicts = conflictList,
        };
    }

    // Every match of a group has the same therapy, effect and first alteration, so the overlap of the first stands for
    // all. The matches come in the order the engine sorts fired rules (level, then rule id): the first decides ties.
    internal static CivicFinding Finding(List<CivicMatch> group, List<TherapyMatch>? overlapping)
    {
        var evidence = new List<CivicEvidence>(group.Count);
        var ruleIds = new List<string>(group.Count);
        var seed = group[0];
        var first = seed;
        var level = first.Level;
        List<string>? caveats = null;
        List<string>? flags = null;
        List<Citation>? citations = null;
        foreach (var m in group)
        {
            evidence.Add(m.Evidence);
            ruleIds.Add(m.RuleId);
            first = m.TumorTypeMatch < first.TumorTypeMatch ? m : first;
            level = m.Level.Rank() < level.Rank() ? m.Level : level;
            caveats = Union(caveats, m.Caveats, seed.Caveats);
            flags = Union(flags, m.Flags, seed.Flags);
            citations = Union(citations, m.Citations, seed.Citations);
        }

        var ordered = Ordered(evidence);
        ruleIds.Sort(StringComparer.Ordinal);
        flags?.Sort(StringComparer.Ordinal);
        List<string>? conflictsWith = null;
        foreach (var c in overlapping ?? [])
        {
            conflictsWith ??= new List<string>(overlapping!.Count);
            if (!conflictsWith.Contains(c.RuleId, StringComparer.Ordinal))
            {
                conflictsWith.Add(c.RuleId);
            }
        }

        conflictsWith?.Sort(StringComparer.Ordinal);
        return new CivicFinding
        {
            Drugs = first.Drugs,
            Effect = first.Effect,
            Level = level,
            CivicLevel = ordered[0].Level,
            Gene = first.Gene,
            Alteration = first.Alteration,
            AlterationKey = first.AlterationKey,
            MatchedAlterations = first.MatchedAlterations,
            TumorTypeMatch = first.TumorTypeMatch,
            Evidence = ordered,
            RuleIds = ruleIds,
            ConflictsWith = (IReadOnlyList<string>?)conflictsWith ?? [],
            Caveats = (IReadOnlyList<string>?)caveats ?? seed.Caveats,
            Flags = (IReadOnlyList<string>?)flags ?? seed.Flags,
            Citations = (IReadOnlyList<Citation>?)citations ?? seed.Citations,
        };
    }

    // Items of every match, without repeats; null (share the first match's list) until a match adds something new.
    private static List<T>? Union<T>(List<T>? union, IReadOnlyList<T> items, IReadOnlyList<T> firstItems)
    {
        foreach (var item in items)
        {
            if (union is null ? firstItems.Contains(item) : union.Contains(item))
            {
                continue;
            }

            union ??= [.. firstItems];
            union.Add(item);
        }

        return union;
    }

    // Sorted by level and id, each item once. An evidence id always comes with the same level (one CIViC item), so
    // after the sort the repeats of an item sit side by side: dropping neighbours is enough (corroborations of a
    // curated finding gather dozens of items).
    private static List<CivicEvidence> Ordered(List<CivicEvidence> evidence)
    {
        var sorted = new List<CivicEvidence>(evidence);
        sorted.Sort(static (a, b) =>
        {
            var c = string.CompareOrdinal(a.Level, b.Level);
            return c != 0 ? c : a.EvidenceId.CompareTo(b.EvidenceId);
        });
        var ordered = new List<CivicEvidence>(sorted.Count);
        foreach (var e in sorted)
        {
            if (ordered.Count == 0 || ordered[^1].EvidenceId != e.EvidenceId)
            {
                ordered.Add(e);
            }
        }

        return ordered;
    }
}
