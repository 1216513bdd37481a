using TumorBoard.Core.Rules.Engine;
using TumorBoard.Core.Vocabularies;
using TumorBoard.Fhir;
using TumorBoard.KnowledgeBase.Rules;
using TumorBoard.KnowledgeBase.Vocabularies;
using CoreKnowledgeBase = TumorBoard.Core.Rules.KnowledgeBase;

namespace TumorBoard.Api.Features.KnowledgeBase;

/// <summary>
/// The loaded, validated knowledge: vocabularies, the rule knowledge base and its engine, and the FHIR
/// reader built on them. Loaded once at start-up; a malformed data file stops the service with file,
/// line and reason instead of serving from half a knowledge base.
/// </summary>
public sealed class Knowledge
{
    private Knowledge(Vocabulary vocabulary, CoreKnowledgeBase rules)
    {
        Vocabulary = vocabulary;
        Rules = rules;
        Engine = new RuleEngine(rules, vocabulary.OncoTree);
        BundleReader = new GenomicBundleReader(vocabulary);
    }

    public Vocabulary Vocabulary { get; }

    public CoreKnowledgeBase Rules { get; }

    public RuleEngine Engine { get; }

    public GenomicBundleReader BundleReader { get; }

    public static Knowledge LoadEmbedded()
    {
        var vocabulary = VocabularyLoader.LoadEmbedded();
        return new Knowledge(vocabulary, KnowledgeBaseLoader.LoadEmbedded(vocabulary.OncoTree, vocabulary.Drugs));
    }
}
