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
public static partial class CivicLayering
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
}
