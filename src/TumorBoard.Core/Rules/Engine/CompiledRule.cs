using TumorBoard.Core.Rules.Matchers;

namespace TumorBoard.Core.Rules.Engine;

/// <summary>A rule with its therapy key (sorted drugs joined by '+', equal for the same therapy in any order).</summary>
internal sealed class CompiledRule(Rule rule)
{
    public Rule Rule { get; } = rule;

    public string TherapyKey { get; } = string.Join('+', rule.Drugs.Order(StringComparer.Ordinal));
}

/// <summary>
/// Rules that share one biomarker, tumour scope and context (the therapies of one curated entry): the
/// engine evaluates the condition once per group, not once per therapy. Descriptions are precomputed for traces.
/// </summary>
internal sealed class RuleGroup
{
    public RuleGroup(int index, IReadOnlyList<Rule> rules)
    {
        Index = index;
        Rules = rules.Select(r => new CompiledRule(r)).ToArray();
        var first = rules[0];
        Biomarker = first.Biomarker;
        Tumor = first.Tumor;
        Context = first.Context;
        ScopeText = first.Tumor.Describe();
        Descriptions = new Dictionary<BiomarkerMatcher, string>(ReferenceEqualityComparer.Instance);
        Describe(first.Biomarker);
        Gene = FirstGene(first.Biomarker);
    }

    public int Index { get; }

    public CompiledRule[] Rules { get; }

    public BiomarkerMatcher Biomarker { get; }

    public TumorScope Tumor { get; }

    public RuleContext Context { get; }

    public string ScopeText { get; }

    public string Gene { get; }

    public Dictionary<BiomarkerMatcher, string> Descriptions { get; }

    /// <summary>True when <paramref name="rule"/> can join this group: same condition objects, as the loader shares them per entry.</summary>
    public static bool SameCondition(Rule a, Rule rule) =>
        ReferenceEquals(a.Biomarker, rule.Biomarker) && ReferenceEquals(a.Tumor, rule.Tumor) && ReferenceEquals(a.Context, rule.Context);

    private void Describe(BiomarkerMatcher matcher)
    {
        Descriptions[matcher] = matcher.Describe();
        switch (matcher)
        {
            case AllOfMatcher all:
                all.Matchers.ToList().ForEach(Describe);
                break;
            case AnyOfMatcher any:
                any.Matchers.ToList().ForEach(Describe);
                break;
            case NotMatcher not:
                Describe(not.Matcher);
                break;
        }
    }

    private static string FirstGene(BiomarkerMatcher matcher) => matcher switch
    {
        AlterationMatcher { IndexKey: IndexKeys.Tmb } => "TMB",
        AlterationMatcher { IndexKey: IndexKeys.Msi } => "MSI",
        AlterationMatcher single => single.IndexKey,
        AllOfMatcher all => all.Matchers.Where(m => m is not NotMatcher).Select(FirstGene).FirstOrDefault() ?? "",
        AnyOfMatcher any => any.Matchers.Select(FirstGene).FirstOrDefault() ?? "",
        _ => "",
    };
}
