using TumorBoard.Core.Rules.Engine;
using TumorBoard.Core.Trials;
using TumorBoard.Core.Trials.Evaluation;
using TumorBoard.KnowledgeBase.Rules;
using TumorBoard.KnowledgeBase.Trials;

namespace TumorBoard.KnowledgeBase.Tests.Trials;

/// <summary>The shipped trial packs and an engine over them, loaded once for all tests.</summary>
public static class TrialPacks
{
    private static readonly Lazy<TrialCatalog> LazyCatalog = new(() => TrialLoader.LoadEmbedded(TestVocabulary.OncoTree, TestVocabulary.Drugs));
    private static readonly Lazy<TrialEngine> LazyEngine = new(() => new TrialEngine(Catalog, TestVocabulary.OncoTree));
    private static readonly Lazy<RuleEngine> LazyRules = new(() =>
        new RuleEngine(KnowledgeBaseLoader.LoadEmbedded(TestVocabulary.OncoTree, TestVocabulary.Drugs), TestVocabulary.OncoTree));

    public static TrialCatalog Catalog => LazyCatalog.Value;

    public static TrialEngine Engine => LazyEngine.Value;

    /// <summary>The shipped knowledge base's rules engine, for "no targetable alteration" criteria and biomarker levels.</summary>
    public static RuleEngine Rules => LazyRules.Value;
}
