using TumorBoard.Core.Rules.Engine;
using TumorBoard.Core.Vocabularies;

namespace TumorBoard.Core.Rules.Civic;

/// <summary>
/// Evaluates the CIViC layer for one patient beside the curated evaluation. The same answer as
/// <see cref="CivicLayering.Combine"/> over the layer's full rule evaluation, for less work: the layer is shown with
/// evidence ids, not traces, so its condition groups are fired without traces, and the rules of a group are
/// partitioned once, at construction, by therapy and effect (the items of one partition always end in the same
/// finding, corroboration or conflict), so the layering decides once per partition, not once per evidence item.
/// Pure and deterministic, like the rules engine.
/// </summary>
public sealed class CivicEngine
{
    private readonly CivicLayer _layer;
    private readonly RuleEngine _engine;
    private readonly Partition[][] _partitionsByGroup;

    public CivicEngine(CivicLayer layer, OncoTree oncoTree)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(oncoTree);
        if (layer.Rules.GermlineReferral.Genes.Count > 0)
        {
            // The layering would have to repeat the referral caveats per finding; germline referrals are the curated layer's.
            throw new ArgumentException("The CIViC layer carries no germline referral rule.", nameof(layer));
        }

        _layer = layer;
        _engine = new RuleEngine(layer.Rules, oncoTree);

        // The order the rules engine gives fired rules (level, then rule id): the order the layering sees matches in.
        var order = layer.Rules.Rules
            .OrderBy(r => r.Level.Rank())
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .Select((rule, index) => (rule.Id, index))
            .ToDictionary(p => p.Id, p => p.index, StringComparer.Ordinal);
        var therapyEffects = new Dictionary<(string, TherapyEffect), int>();
        _partitionsByGroup = _engine.Groups
            .Select(group => group.Rules
                .GroupBy(r => (Therapy: layer.TherapyKeyByRuleId[r.Rule.Id], r.Rule.Effect))
                .Select(p => new Partition(
                    p.Key.Therapy,
                    p.Key.Effect,
                    therapyEffects.TryGetValue(p.Key, out var id) ? id : therapyEffects[p.Key] = therapyEffects.Count,
                    p.Select(r => new Member(order[r.Rule.Id], r.Rule, layer.EvidenceByRuleId[r.Rule.Id])).OrderBy(m => m.Order).ToArray()))
                .ToArray())
            .ToArray();
    }

    /// <summary>The CIViC layer this engine evaluates.</summary>
    public CivicLayer Layer => _layer;

    /// <summary>The layer's findings, corroborations of and conflicts with <paramref name="curated"/> for the patient.</summary>
    public CivicEvaluation Evaluate(PatientProfile patient, RuleEvaluation curated)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentNullException.ThrowIfNull(curated);
        var fired = _engine.FireWithoutTrace(patient);
        if (fired.Count == 0)
        {
            return new CivicEvaluation { Version = _layer.Version, Findings = [], Corroborations = [], Conflicts = [] };
        }

        var curatedByTherapy = CivicLayering.CuratedByTherapy(curated);
        var corroborations = CivicLayering.NewByCuratedFinding();
        var conflicts = CivicLayering.NewByCuratedFinding();
        var groups = new Dictionary<(int TherapyEffect, string Key), FindingMembers>();
        foreach (var group in fired)
        {
            var matched = group.Outcome.Kept;
            var key = matched[0].Key;
            foreach (var partition in _partitionsByGroup[group.Group.Index])
            {
                var same = CivicLayering.Overlapping(curatedByTherapy, partition.Therapy, matched);
                if (same is not null && CivicLayering.Corroborates(same, partition.Effect, partition.Evidence, corroborations, conflicts))
                {
                    continue;
                }

                if (!groups.TryGetValue((partition.TherapyEffect, key), out var members))
                {
                    groups[(partition.TherapyEffect, key)] = members = new FindingMembers(partition.Therapy);
                }

                members.Add(partition, group);
            }
        }

        var findings = new List<(CivicFinding Finding, string Therapy)>(groups.Count);
        foreach (var members in groups.Values)
        {
            var matches = members.Matches();
            findings.Add((CivicLayering.Finding(matches, CivicLayering.Overlapping(curatedByTherapy, members.Therapy, matches[0].MatchedAlterations)), members.Therapy));
        }

        return CivicLayering.Finish(_layer, findings, corroborations, conflicts);
    }

    /// <summary>A rule of a partition with its place in the engine's order of fired rules and its evidence item.</summary>
    private readonly record struct Member(int Order, Rule Rule, CivicEvidence Evidence);

    /// <summary>The rules of one condition group with one therapy and effect, in the engine's order.</summary>
    private sealed class Partition(string therapy, TherapyEffect effect, int therapyEffect, Member[] members)
    {
        public string Therapy { get; } = therapy;

        public TherapyEffect Effect { get; } = effect;

        /// <summary>A small number standing for (therapy, effect) across the layer, so finding keys hash one string, not two.</summary>
        public int TherapyEffect { get; } = therapyEffect;

        public Member[] Members { get; } = members;

        public CivicEvidence[] Evidence { get; } = members.Select(m => m.Evidence).ToArray();
    }

    /// <summary>The partitions (of one or more fired groups) that make one finding: same therapy, effect and alteration.</summary>
    private sealed class FindingMembers(string therapy)
    {
        private readonly List<(Partition Partition, FiredGroup Group)> _parts = new(1);

        public string Therapy { get; } = therapy;

        public void Add(Partition partition, FiredGroup group) => _parts.Add((partition, group));

        /// <summary>One match per rule, in the engine's order (partitions are each in order; several are merged by it).</summary>
        public List<CivicMatch> Matches()
        {
            if (_parts.Count == 1)
            {
                var (partition, group) = _parts[0];
                var single = new List<CivicMatch>(partition.Members.Length);
                foreach (var member in partition.Members)
                {
                    single.Add(MatchOf(member, group));
                }

                return single;
            }

            var count = 0;
            foreach (var (partition, _) in _parts)
            {
                count += partition.Members.Length;
            }

            var orders = new int[count];
            var matches = new CivicMatch[count];
            var at = 0;
            foreach (var (partition, group) in _parts)
            {
                foreach (var member in partition.Members)
                {
                    orders[at] = member.Order;
                    matches[at++] = MatchOf(member, group);
                }
            }

            Array.Sort(orders, matches);
            return [.. matches];
        }

        private static CivicMatch MatchOf(Member member, FiredGroup group)
        {
            var rule = member.Rule;
            var outcome = group.Outcome;
            return new CivicMatch(
                rule.Id, member.Evidence, rule.Drugs, rule.Effect, rule.Level, group.Group.Gene, group.AlterationText, outcome.Kept[0].Key,
                outcome.Kept, group.TumorTypeMatch,
                RuleContextCheck.CaveatsOf(rule, outcome), outcome.Flags, rule.Citations);
        }
    }
}
