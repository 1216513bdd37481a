using TumorBoard.Core.Rules.Matchers;
using TumorBoard.Core.Trials;
using TumorBoard.Core.Trials.Criteria;
using TumorBoard.Core.Vocabularies;
using TumorBoard.KnowledgeBase.Rules;
using CoreKnowledgeBase = TumorBoard.Core.Rules.KnowledgeBase;

namespace TumorBoard.KnowledgeBase;

/// <summary>
/// Every gene a rule or trial names must be a current HGNC-approved symbol of the vocabulary (renames since the
/// snapshot applied): a rule naming H3F3A, or a typo, would silently never match what reports send. Loading
/// fails with one error per unresolved name.
/// </summary>
public static class GeneReferences
{
    /// <summary>Loads the embedded rules and checks their genes against the vocabulary.</summary>
    public static CoreKnowledgeBase LoadRules(Vocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        return CheckRules(vocabulary, KnowledgeBaseLoader.LoadEmbedded(vocabulary.OncoTree, vocabulary.Drugs));
    }

    /// <summary>Checks the genes of loaded rules against the vocabulary; throws <see cref="KnowledgeBaseLoadException"/> naming each.</summary>
    public static CoreKnowledgeBase CheckRules(Vocabulary vocabulary, CoreKnowledgeBase rules)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(rules);
        ThrowIfUnresolved(vocabulary.Genes, rules.Rules.Select(r => (r.Origin ?? r.Id, r.Biomarker)));
        return rules;
    }

    /// <summary>Checks the genes of a trial catalog against the vocabulary.</summary>
    public static TrialCatalog CheckTrials(Vocabulary vocabulary, TrialCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(catalog);
        var matchers = catalog.Trials.SelectMany(t => t.Arms.SelectMany(a =>
            Criteria(a).SelectMany(Genomic).Select(m => (t.Origin ?? t.Id, m))));
        ThrowIfUnresolved(vocabulary.Genes, matchers);
        return catalog;
    }

    /// <summary>The gene names of a condition (index genes and fusion partners), without TMB/MSI keys.</summary>
    public static IEnumerable<string> Genes(BiomarkerMatcher matcher) => matcher switch
    {
        FusionMatcher fusion => fusion.Partner is null ? [fusion.Gene] : [fusion.Gene, fusion.Partner],
        AlterationMatcher single when !single.IndexKey.StartsWith('#') => [single.IndexKey],
        AllOfMatcher all => all.Matchers.SelectMany(Genes),
        AnyOfMatcher any => any.Matchers.SelectMany(Genes),
        NotMatcher not => Genes(not.Matcher),
        _ => [],
    };

    private static void ThrowIfUnresolved(GeneSymbols genes, IEnumerable<(string Where, BiomarkerMatcher Matcher)> matchers)
    {
        var errors = new List<KnowledgeBaseLoadError>();
        var seen = new HashSet<(string, string)>();
        foreach (var (where, matcher) in matchers)
        {
            foreach (var gene in Genes(matcher))
            {
                var resolution = genes.Resolve(gene);
                if (string.Equals(resolution.Symbol, gene, StringComparison.Ordinal) || !seen.Add((where, gene)))
                {
                    continue;
                }

                errors.Add(new KnowledgeBaseLoadError(where, null, resolution.Symbol is null
                    ? $"gene '{gene}' is not an HGNC-approved symbol the vocabulary resolves"
                    : $"gene '{gene}' is not the approved symbol; use {resolution.Symbol}"));
            }
        }

        if (errors.Count > 0)
        {
            throw new KnowledgeBaseLoadException(errors);
        }
    }

    private static IEnumerable<TrialCriterion> Criteria(TrialArm arm) =>
        new[] { arm.Selection }.Concat(arm.Population).Concat(arm.Criteria).SelectMany(Flatten);

    private static IEnumerable<TrialCriterion> Flatten(TrialCriterion criterion) => criterion switch
    {
        AllCriteria all => all.Criteria.SelectMany(Flatten).Prepend(criterion),
        AnyCriteria any => any.Criteria.SelectMany(Flatten).Prepend(criterion),
        NotCriterion not => Flatten(not.Criterion).Prepend(criterion),
        _ => [criterion],
    };

    private static IEnumerable<BiomarkerMatcher> Genomic(TrialCriterion criterion) =>
        criterion is GenomicCriterion genomic ? [genomic.Matcher] : [];
}
