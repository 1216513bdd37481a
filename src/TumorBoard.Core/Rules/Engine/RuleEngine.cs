using TumorBoard.Core.Alterations;
using TumorBoard.Core.Vocabularies;

namespace TumorBoard.Core.Rules.Engine;

/// <summary>
/// Evaluates a knowledge base against one patient. Pure and deterministic: no I/O, no clock; the same
/// profile and knowledge base always give the same result in the same order. Rules are indexed by the
/// genes (or TMB/MSI keys) that can trigger them, so only rules touching the patient's genes are examined.
/// </summary>
public sealed class RuleEngine
{
    private readonly KnowledgeBase _knowledgeBase;
    private readonly OncoTree _oncoTree;
    private readonly RuleGroup[] _groups;
    private readonly Dictionary<string, int[]> _groupsByKey;
    private readonly int _tumorSpecificRuleCount;

    public RuleEngine(KnowledgeBase knowledgeBase, OncoTree oncoTree)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        _knowledgeBase = knowledgeBase;
        _oncoTree = oncoTree;
        _groups = Group(knowledgeBase.Rules);
        _groupsByKey = _groups
            .SelectMany(g => g.Biomarker.TriggerKeys.Select(key => (key, g.Index)))
            .GroupBy(pair => pair.key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Index).Distinct().ToArray(), StringComparer.Ordinal);

        // Only positive conditions make a rule a candidate; the patient's alterations are filed under every key
        // (PatientAlterations), so conditions inside a NOT see them too.
        _tumorSpecificRuleCount = knowledgeBase.Rules.Count(r => r.Tumor.Kind != TumorScopeKind.AllTumors);
    }

    public KnowledgeBase KnowledgeBase => _knowledgeBase;

    public RuleEvaluation Evaluate(PatientProfile patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var tumor = new TumorContext(_oncoTree, patient.OncotreeCode);
        var alterations = patient.AlterationIndex;
        var warnings = new List<string>();
        var fired = new List<(CompiledRule Rule, TherapyMatch Match)>();
        var declined = new List<DeclinedRule>();
        var unscoped = new List<string>();
        var scratch = new Scratch(traced: true);

        foreach (var group in Candidates(alterations))
        {
            var (fate, scope, outcome, decline, trace) = Fire(group, tumor, alterations, patient, scratch);
            switch (fate)
            {
                case GroupFate.Unscoped:
                    unscoped.AddRange(group.Rules.Select(r => r.Rule.Id));
                    continue;
                case GroupFate.Declined:
                    declined.AddRange(group.Rules.Select(r => new DeclinedRule(r.Rule.Id, decline!.Reason)));
                    if (decline!.Warning is not null)
                    {
                        warnings.Add(decline.Warning);
                    }

                    continue;
                case GroupFate.Fired:
                    var text = AlterationText.Of(outcome!.Kept);
                    foreach (var rule in group.Rules)
                    {
                        fired.Add((rule, RuleContextCheck.Build(group, rule.Rule, outcome, text, MatchOf(scope), trace!)));
                    }

                    continue;
            }
        }

        AddTumorWarnings(patient.OncotreeCode, tumor, unscoped, warnings);
        var conflicts = Conflicts.Find(fired);
        var therapies = fired.ConvertAll(f => f.Match);
        var referrals = FindingFlags.Referrals(patient, therapies, _knowledgeBase.GermlineReferral);
        if (referrals.Count > 0)
        {
            therapies = therapies.ConvertAll(t => FindingFlags.WithReferrals(t, referrals));
            warnings.AddRange(referrals.Select(r => r.Reason));
        }
        therapies.Sort(static (a, b) =>
        {
            var byLevel = a.Level.Rank().CompareTo(b.Level.Rank());
            return byLevel != 0 ? byLevel : string.CompareOrdinal(a.RuleId, b.RuleId);
        });
        unscoped.Sort(StringComparer.Ordinal);

        return new RuleEvaluation
        {
            KnowledgeBaseVersion = _knowledgeBase.Version,
            KnowledgeBaseHash = _knowledgeBase.ContentHash,
            OncotreeCode = tumor.Code,
            Therapies = conflicts.Count == 0 ? therapies : Conflicts.Mark(therapies, conflicts),
            Conflicts = conflicts,
            Declined = declined,
            UnscopedRuleIds = unscoped,
            Warnings = warnings,
            GermlineReferrals = referrals,
            AssumedHistologyFromSite = tumor.Site,
        };
    }

    /// <summary>The rule groups, in knowledge-base order (the CIViC layer partitions their rules once).</summary>
    internal IReadOnlyList<RuleGroup> Groups => _groups;

    /// <summary>
    /// The groups whose condition, tumour scope and context hold for the patient, in knowledge-base order, without
    /// traces, declines, warnings or therapy matches: what the CIViC layer needs (it shows evidence ids, not a trace).
    /// </summary>
    internal List<FiredGroup> FireWithoutTrace(PatientProfile patient)
    {
        var tumor = new TumorContext(_oncoTree, patient.OncotreeCode);
        var alterations = patient.AlterationIndex;
        var fired = new List<FiredGroup>();
        var scratch = new Scratch(traced: false);
        foreach (var group in Candidates(alterations))
        {
            var (fate, scope, outcome, _, _) = Fire(group, tumor, alterations, patient, scratch);
            if (fate == GroupFate.Fired)
            {
                fired.Add(new FiredGroup(group, outcome!, AlterationText.Of(outcome!.Kept), MatchOf(scope)));
            }
        }

        return fired;
    }

    // One group against the patient: out of scope, not matched, undecidable, declined on context, or fired with its outcome.
    private (GroupFate Fate, ScopeDecision Scope, ContextOutcome? Outcome, ContextDecline? Decline, List<TraceStep>? Trace) Fire(
        RuleGroup group, TumorContext tumor, PatientAlterations alterations, PatientProfile patient, Scratch scratch)
    {
        var scope = tumor.Decide(group.Tumor);
        if (scope == ScopeDecision.OutOfScope)
        {
            return (GroupFate.NotApplicable, scope, null, null, null);
        }

        scratch.Matched.Clear();
        scratch.Trace?.Clear();
        if (!BiomarkerEvaluator.Evaluate(group.Biomarker, group, alterations, scratch.Matched, scratch.Trace))
        {
            return (GroupFate.NotApplicable, scope, null, null, null);
        }

        if (scope == ScopeDecision.Undecidable)
        {
            return (GroupFate.Unscoped, scope, null, null, null);
        }

        // Most candidate groups do not match; only a matching one gets lists of its own (the outcome keeps them).
        var matched = new List<Alteration>(scratch.Matched);
        var trace = scratch.Trace is null ? null : new List<TraceStep>(scratch.Trace);

        trace?.Add(new TraceStep(TraceStepKind.TumorScope, group.ScopeText, tumor.Code!, ScopeOutcome(scope)));
        var (outcome, decline) = RuleContextCheck.Apply(group, matched, patient, _knowledgeBase, trace);
        if (outcome is null)
        {
            return (GroupFate.Declined, scope, null, decline, null);
        }

        FindingFlags.AddTumorAndSample(outcome, tumor, patient, _knowledgeBase);
        return (GroupFate.Fired, scope, outcome, null, trace);
    }

    private static TumorTypeMatch MatchOf(ScopeDecision scope) => scope switch
    {
        ScopeDecision.Exact => TumorTypeMatch.Exact,
        ScopeDecision.Ancestor => TumorTypeMatch.Ancestor,
        _ => TumorTypeMatch.Agnostic,
    };

    private static RuleGroup[] Group(IReadOnlyList<Rule> rules)
    {
        var groups = new List<RuleGroup>();
        var current = new List<Rule>();
        foreach (var rule in rules)
        {
            if (current.Count > 0 && !RuleGroup.SameCondition(current[0], rule))
            {
                groups.Add(new RuleGroup(groups.Count, current));
                current = [];
            }

            current.Add(rule);
        }

        if (current.Count > 0)
        {
            groups.Add(new RuleGroup(groups.Count, current));
        }

        return [.. groups];
    }

    private List<RuleGroup> Candidates(PatientAlterations alterations)
    {
        var seen = new bool[_groups.Length];
        var count = 0;
        foreach (var key in alterations.Keys)
        {
            if (!_groupsByKey.TryGetValue(key, out var indexes))
            {
                continue;
            }

            foreach (var index in indexes)
            {
                if (!seen[index])
                {
                    seen[index] = true;
                    count++;
                }
            }
        }

        // Knowledge-base order, not dictionary order, so declines and warnings come out the same way every time: a
        // pass over the flags costs less than sorting the candidates (hundreds for a gene CIViC covers well).
        var candidates = new List<RuleGroup>(count);
        for (var index = 0; index < seen.Length && candidates.Count < count; index++)
        {
            if (seen[index])
            {
                candidates.Add(_groups[index]);
            }
        }

        return candidates;
    }

    private void AddTumorWarnings(string? requestedCode, TumorContext tumor, List<string> unscoped, List<string> warnings)
    {
        if (tumor.AssumptionCaveat is { } assumed)
        {
            warnings.Insert(0, "Tumour type: " + assumed + (unscoped.Count > 0 ? $"; rules for other types at the site were not applied ({string.Join(", ", unscoped.Order(StringComparer.Ordinal))})." : "."));
        }

        if (tumor.IsKnown)
        {
            return;
        }

        var what = string.IsNullOrWhiteSpace(requestedCode)
            ? "No tumour type is known for this patient"
            : $"Tumour type '{requestedCode}' is not a code of OncoTree {_oncoTree.Version}";
        warnings.Insert(0, $"{what}: only rules for all tumours were applied; {_tumorSpecificRuleCount} tumour-specific or solid-tumour rules were not evaluated"
            + (unscoped.Count > 0 ? $", of which {unscoped.Count} match the alterations ({string.Join(", ", unscoped.Order(StringComparer.Ordinal))})." : "."));
    }

    private static string ScopeOutcome(ScopeDecision scope) => scope switch
    {
        ScopeDecision.Exact => "exact",
        ScopeDecision.Ancestor => "descendant of a listed type",
        _ => "tumour-agnostic",
    };
}

/// <summary>Lists one evaluation reuses for every candidate group (an engine is shared between threads; these are not).</summary>
internal sealed class Scratch(bool traced)
{
    public List<Alteration> Matched { get; } = new(4);

    public List<TraceStep>? Trace { get; } = traced ? new(8) : null;
}

/// <summary>What became of one rule group for a patient.</summary>
internal enum GroupFate
{
    NotApplicable,
    Unscoped,
    Declined,
    Fired,
}

/// <summary>A rule group that fired: its context outcome (kept alterations, caveats, flags), alteration text and tumour match.</summary>
internal readonly record struct FiredGroup(RuleGroup Group, ContextOutcome Outcome, string AlterationText, TumorTypeMatch TumorTypeMatch);
