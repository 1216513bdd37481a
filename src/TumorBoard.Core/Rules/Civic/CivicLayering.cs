using TumorBoard.Core.Alterations;
using TumorBoard.Core.Rules.Engine;

namespace TumorBoard.Core.Rules.Civic;

/// <summary>
/// Puts the CIViC layer beside the curated one for one patient. The curated layer always wins: a CIViC finding
/// that says what a curated finding says (same therapy, same effect, an alteration the curated rule matched) is
/// only corroboration (its evidence ids attach to the curated finding); one that says the opposite is kept as a
/// visible conflict and changes nothing curated; the rest are CIViC-only findings. Pure: no I/O.
/// <see cref="Combine"/> takes the CIViC layer's full rule evaluation (one traced match per rule); the service uses
/// <see cref="CivicEngine"/>, which gives the same answer from the fired condition groups without building matches.
/// </summary>
public static class CivicLayering
{
    public static CivicEvaluation Combine(RuleEvaluation curated, RuleEvaluation civic, CivicLayer layer)
    {
        ArgumentNullException.ThrowIfNull(curated);
        ArgumentNullException.ThrowIfNull(civic);
        ArgumentNullException.ThrowIfNull(layer);

        if (civic.Therapies.Count == 0)
        {
            return new CivicEvaluation { Version = layer.Version, Findings = [], Corroborations = [], Conflicts = [] };
        }

        var curatedByTherapy = CuratedByTherapy(curated);
        var corroborations = NewByCuratedFinding();
        var conflicts = NewByCuratedFinding();
        var groups = new Dictionary<(string Therapy, TherapyEffect Effect, string Key), List<CivicMatch>>();
        foreach (var match in civic.Therapies)
        {
            var evidence = layer.EvidenceByRuleId[match.RuleId];
            var therapy = layer.TherapyKeyByRuleId[match.RuleId];
            if (Corroborates(Overlapping(curatedByTherapy, therapy, match.MatchedAlterations), match.Effect, [evidence], corroborations, conflicts))
            {
                continue;
            }

            var key = (therapy, match.Effect, match.AlterationKey);
            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = [];
            }

            group.Add(CivicMatch.Of(match, evidence));
        }

        var findings = new List<(CivicFinding Finding, string Therapy)>(groups.Count);
        foreach (var ((therapy, _, _), group) in groups)
        {
            findings.Add((Finding(group, Overlapping(curatedByTherapy, therapy, group[0].MatchedAlterations)), therapy));
        }

        return Finish(layer, findings, corroborations, conflicts);
    }

    /// <summary>
    /// True when a curated finding in <paramref name="same"/> (same therapy, a shared alteration) has the CIViC
    /// items' effect: they corroborate it. Otherwise every such curated finding is in conflict with the items,
    /// which then make a CIViC finding of their own.
    /// </summary>
    internal static bool Corroborates(
        List<TherapyMatch>? same,
        TherapyEffect effect,
        IReadOnlyList<CivicEvidence> items,
        Dictionary<TherapyMatch, List<CivicEvidence>> corroborations,
        Dictionary<TherapyMatch, List<CivicEvidence>> conflicts)
    {
        if (same is null)
        {
            return false;
        }

        var agreed = false;
        foreach (var c in same)
        {
            if (c.Effect == effect)
            {
                if (!corroborations.TryGetValue(c, out var list))
                {
                    corroborations[c] = list = [];
                }

                list.AddRange(items);
                agreed = true;
            }
        }

        if (agreed)
        {
            return true;
        }

        foreach (var c in same)
        {
            if (!conflicts.TryGetValue(c, out var list))
            {
                conflicts[c] = list = [];
            }

            foreach (var evidence in items)
            {
                if (!list.Contains(evidence))
                {
                    list.Add(evidence);
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Corroborations or conflicts by the curated finding they attach to. A curated evaluation holds one finding per
    /// rule and alteration, so the finding's identity stands for (rule id, alteration key) without hashing two strings
    /// for every CIViC partition.
    /// </summary>
    internal static Dictionary<TherapyMatch, List<CivicEvidence>> NewByCuratedFinding() => new(ReferenceEqualityComparer.Instance);

    /// <summary>Curated findings by therapy, keyed once per evaluation: CIViC matches are many, curated ones few.</summary>
    internal static Dictionary<string, List<TherapyMatch>> CuratedByTherapy(RuleEvaluation curated)
    {
        var curatedByTherapy = new Dictionary<string, List<TherapyMatch>>(StringComparer.Ordinal);
        foreach (var c in curated.Therapies)
        {
            if (c.With.Count > 0)
            {
                continue; // "trastuzumab with chemotherapy" is not the claim CIViC's "trastuzumab" makes
            }

            var key = TherapyKey(c.Drugs);
            if (!curatedByTherapy.TryGetValue(key, out var list))
            {
                curatedByTherapy[key] = list = [];
            }

            list.Add(c);
        }

        return curatedByTherapy;
    }

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

    /// <summary>Sorted drugs joined by '+': the same therapy in any order.</summary>
    public static string TherapyKey(IEnumerable<string> drugs)
    {
        // Called for every curated finding of every evaluation: one and two drugs without sorting machinery.
        if (drugs is IReadOnlyList<string> list)
        {
            switch (list.Count)
            {
                case 1:
                    return list[0];
                case 2:
                    return string.CompareOrdinal(list[0], list[1]) <= 0 ? list[0] + "+" + list[1] : list[1] + "+" + list[0];
            }
        }

        return string.Join('+', drugs.Order(StringComparer.Ordinal));
    }

    // Curated findings on the same therapy whose matched alterations include one the CIViC rule matched; null for
    // none. Both fired for this patient's tumour type, so "same tumour type" holds by construction.
    internal static List<TherapyMatch>? Overlapping(Dictionary<string, List<TherapyMatch>> curatedByTherapy, string therapy, IReadOnlyList<Alteration> matched)
    {
        if (!curatedByTherapy.TryGetValue(therapy, out var candidates))
        {
            return null;
        }

        List<TherapyMatch>? result = null;
        foreach (var c in candidates)
        {
            if (Shares(c.MatchedAlterations, matched))
            {
                (result ??= new List<TherapyMatch>(1)).Add(c);
            }
        }

        return result;
    }

    private static bool Shares(IReadOnlyList<Alteration> a, IReadOnlyList<Alteration> b)
    {
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (string.Equals(x.Key, y.Key, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
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
