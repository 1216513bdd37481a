using TumorBoard.Core.Rules.Matchers;

namespace TumorBoard.Core.Rules.Engine;

/// <summary>A rule with what the engine precomputes once: descriptions for traces and the therapy key for conflicts.</summary>
internal sealed class CompiledRule
{
    public CompiledRule(Rule rule, int index)
    {
        Rule = rule;
        Index = index;
        TherapyKey = string.Join('+', rule.Drugs.Order(StringComparer.Ordinal));
        ScopeText = rule.Tumor.Describe();
        Descriptions = new Dictionary<BiomarkerMatcher, string>(ReferenceEqualityComparer.Instance);
        Describe(rule.Biomarker);
        Gene = FirstGene(rule.Biomarker);
    }

    public Rule Rule { get; }

    public int Index { get; }

    /// <summary>Sorted drugs joined by '+': equal for the same therapy in any order.</summary>
    public string TherapyKey { get; }

    public string ScopeText { get; }

    public string Gene { get; }

    public Dictionary<BiomarkerMatcher, string> Descriptions { get; }

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
