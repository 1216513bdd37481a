using TumorBoard.Core.Alterations;
using TumorBoard.Core.Rules.Matchers;
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
    private readonly HashSet<string> _referencedKeys;
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

        // Alterations are filed under every key some condition reads, including those only inside a NOT
        // (absence must see them), while only positive conditions make a rule a candidate.
        _referencedKeys = _groups.SelectMany(g => ReferencedKeys(g.Biomarker)).ToHashSet(StringComparer.Ordinal);
        _tumorSpecificRuleCount = knowledgeBase.Rules.Count(r => r.Tumor.Kind != TumorScopeKind.AllTumors);
    }

    public KnowledgeBase KnowledgeBase => _knowledgeBase;

    public RuleEvaluation Evaluate(PatientProfile patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var tumor = new TumorContext(_oncoTree, patient.OncotreeCode);
        var alterations = new PatientAlterations(patient.Alterations, _referencedKeys);
        var warnings = new List<string>();
        var fired = new List<(CompiledRule Rule, TherapyMatch Match)>();
        var declined = new List<DeclinedRule>();
        var unscoped = new List<string>();

        foreach (var group in Candidates(alterations))
        {
            var scope = tumor.Decide(group.Tumor);
            if (scope == ScopeDecision.OutOfScope)
            {
                continue;
            }

            var matched = new List<Alteration>(2);
            var trace = new List<TraceStep>(4);
            if (!BiomarkerEvaluator.Evaluate(group.Biomarker, group, alterations, matched, trace))
            {
                continue;
            }

            if (scope == ScopeDecision.Undecidable)
            {
                unscoped.AddRange(group.Rules.Select(r => r.Rule.Id));
                continue;
            }

            trace.Add(new TraceStep(TraceStepKind.TumorScope, group.ScopeText, tumor.Code!, ScopeOutcome(scope)));
            var (outcome, decline) = RuleContextCheck.Apply(group, matched, patient, _knowledgeBase, trace);
            if (outcome is null)
            {
                declined.AddRange(group.Rules.Select(r => new DeclinedRule(r.Rule.Id, decline!.Reason)));
                if (decline!.Warning is not null)
                {
                    warnings.Add(decline.Warning);
                }

                continue;
            }

            FindingFlags.AddTumorAndSample(outcome, tumor, patient, _knowledgeBase);
            var text = AlterationText.Of(outcome.Kept);
            var tumorTypeMatch = scope switch
            {
                ScopeDecision.Exact => TumorTypeMatch.Exact,
                ScopeDecision.Ancestor => TumorTypeMatch.Ancestor,
                _ => TumorTypeMatch.Agnostic,
            };
            foreach (var rule in group.Rules)
            {
                fired.Add((rule, RuleContextCheck.Build(group, rule.Rule, outcome, text, tumorTypeMatch, trace)));
            }
        }

        AddTumorWarnings(patient.OncotreeCode, tumor, unscoped, warnings);
        var conflicts = Conflicts.Find(fired);
        var therapies = fired.ConvertAll(f => f.Match);
        var actionable = new HashSet<string>(therapies.SelectMany(t => t.MatchedAlterations).Select(a => a.Key), StringComparer.Ordinal);
        var referrals = FindingFlags.Referrals(patient, actionable, _knowledgeBase.GermlineReferral);
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
        var candidates = new List<RuleGroup>();
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
                    candidates.Add(_groups[index]);
                }
            }
        }

        // Knowledge-base order, not dictionary order, so declines and warnings come out the same way every time.
        candidates.Sort(static (a, b) => a.Index.CompareTo(b.Index));
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

    private static IEnumerable<string> ReferencedKeys(BiomarkerMatcher matcher) => matcher switch
    {
        AlterationMatcher single => [single.IndexKey],
        AllOfMatcher all => all.Matchers.SelectMany(ReferencedKeys),
        AnyOfMatcher any => any.Matchers.SelectMany(ReferencedKeys),
        NotMatcher not => ReferencedKeys(not.Matcher),
        _ => [],
    };

    private static string ScopeOutcome(ScopeDecision scope) => scope switch
    {
        ScopeDecision.Exact => "exact",
        ScopeDecision.Ancestor => "descendant of a listed type",
        _ => "tumour-agnostic",
    };
}
