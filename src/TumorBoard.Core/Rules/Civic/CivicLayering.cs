using TumorBoard.Core.Rules.Engine;

namespace TumorBoard.Core.Rules.Civic;

/// <summary>
/// Puts the CIViC layer beside the curated one for one patient. The curated layer always wins: a CIViC finding
/// that says what a curated finding says (same therapy, same effect, an alteration the curated rule matched) is
/// only corroboration (its evidence ids attach to the curated finding); one that says the opposite is kept as a
/// visible conflict and changes nothing curated; the rest are CIViC-only findings. Pure: no I/O.
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

        // Curated findings by therapy, keyed once per evaluation: CIViC matches are many, curated ones few.
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

        var corroborations = new Dictionary<(string RuleId, string Key), List<CivicEvidence>>();
        var conflicts = new Dictionary<(string RuleId, string Key), (TherapyMatch Curated, List<CivicEvidence> Evidence)>();
        var groups = new Dictionary<(string Therapy, TherapyEffect Effect, string Key), List<TherapyMatch>>();
        foreach (var match in civic.Therapies)
        {
            var evidence = layer.EvidenceByRuleId[match.RuleId];
            var therapy = layer.TherapyKeyByRuleId[match.RuleId];
            var same = Overlapping(curatedByTherapy, therapy, match);
            var agreeing = same.Where(c => c.Effect == match.Effect).ToList();
            if (agreeing.Count > 0)
            {
                foreach (var c in agreeing)
                {
                    Add(corroborations, (c.RuleId, c.AlterationKey), evidence);
                }

                continue;
            }

            foreach (var c in same)
            {
                if (!conflicts.TryGetValue((c.RuleId, c.AlterationKey), out var entry))
                {
                    conflicts[(c.RuleId, c.AlterationKey)] = entry = (c, []);
                }

                if (!entry.Evidence.Contains(evidence))
                {
                    entry.Evidence.Add(evidence);
                }
            }

            var key = (therapy, match.Effect, match.AlterationKey);
            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = [];
            }

            group.Add(match);
        }

        var findings = groups.Select(g => Finding(g.Value, Overlapping(curatedByTherapy, g.Key.Therapy, g.Value[0]), layer)).ToList();
        findings.Sort(static (a, b) =>
        {
            var c = a.Level.Rank().CompareTo(b.Level.Rank());
            c = c != 0 ? c : string.CompareOrdinal(a.CivicLevel, b.CivicLevel);
            c = c != 0 ? c : string.CompareOrdinal(a.AlterationKey, b.AlterationKey);
            return c != 0 ? c : string.CompareOrdinal(TherapyKey(a.Drugs), TherapyKey(b.Drugs));
        });

        return new CivicEvaluation
        {
            Version = layer.Version,
            Findings = findings,
            Corroborations = corroborations
                .OrderBy(p => p.Key.RuleId, StringComparer.Ordinal).ThenBy(p => p.Key.Key, StringComparer.Ordinal)
                .Select(p => new CivicCorroboration(p.Key.RuleId, p.Key.Key, Ordered(p.Value)))
                .ToList(),
            Conflicts = conflicts
                .OrderBy(p => p.Key.RuleId, StringComparer.Ordinal).ThenBy(p => p.Key.Key, StringComparer.Ordinal)
                .Select(p => new CivicConflict(p.Key.RuleId, p.Key.Key, p.Value.Curated.Drugs, p.Value.Curated.Effect, Ordered(p.Value.Evidence)))
                .ToList(),
        };
    }

    /// <summary>Sorted drugs joined by '+': the same therapy in any order.</summary>
    public static string TherapyKey(IEnumerable<string> drugs) => string.Join('+', drugs.Order(StringComparer.Ordinal));

    // Curated findings on the same therapy whose matched alterations include one the CIViC rule matched. Both fired
    // for this patient's tumour type, so "same tumour type" holds by construction.
    private static List<TherapyMatch> Overlapping(Dictionary<string, List<TherapyMatch>> curatedByTherapy, string therapy, TherapyMatch civic)
    {
        if (!curatedByTherapy.TryGetValue(therapy, out var candidates))
        {
            return [];
        }

        var result = new List<TherapyMatch>(1);
        foreach (var c in candidates)
        {
            if (Shares(c.MatchedAlterations, civic.MatchedAlterations))
            {
                result.Add(c);
            }
        }

        return result;
    }

    private static bool Shares(IReadOnlyList<Core.Alterations.Alteration> a, IReadOnlyList<Core.Alterations.Alteration> b)
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

    // Every match of a group has the same therapy, effect and first alteration, so the overlap of the first stands for all.
    private static CivicFinding Finding(List<TherapyMatch> group, List<TherapyMatch> overlapping, CivicLayer layer)
    {
        var evidence = Ordered(group.Select(m => layer.EvidenceByRuleId[m.RuleId]).Distinct().ToList());
        var first = group.OrderBy(m => m.TumorTypeMatch).First();
        var conflictsWith = overlapping.Select(c => c.RuleId).Distinct().Order(StringComparer.Ordinal).ToList();
        return new CivicFinding
        {
            Drugs = first.Drugs,
            Effect = first.Effect,
            Level = group.Select(m => m.Level).MinBy(l => l.Rank()),
            CivicLevel = evidence[0].Level,
            Gene = first.Gene,
            Alteration = first.Alteration,
            AlterationKey = first.AlterationKey,
            MatchedAlterations = first.MatchedAlterations,
            TumorTypeMatch = first.TumorTypeMatch,
            Evidence = evidence,
            RuleIds = group.Select(m => m.RuleId).Order(StringComparer.Ordinal).ToList(),
            ConflictsWith = conflictsWith,
            Caveats = group.SelectMany(m => m.Caveats).Distinct(StringComparer.Ordinal).ToList(),
            Flags = group.SelectMany(m => m.Flags).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            Citations = group.SelectMany(m => m.Citations).DistinctBy(c => (c.Type, c.Id)).ToList(),
        };
    }

    private static List<CivicEvidence> Ordered(IEnumerable<CivicEvidence> evidence) =>
        evidence.Distinct().OrderBy(e => e.Level, StringComparer.Ordinal).ThenBy(e => e.EvidenceId).ToList();

    private static void Add(Dictionary<(string, string), List<CivicEvidence>> map, (string, string) key, CivicEvidence evidence)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(evidence);
    }
}
