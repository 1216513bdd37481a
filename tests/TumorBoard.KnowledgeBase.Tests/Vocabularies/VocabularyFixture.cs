using TumorBoard.Core.Vocabularies;
using TumorBoard.KnowledgeBase.Vocabularies;

namespace TumorBoard.KnowledgeBase.Tests.Vocabularies;

/// <summary>The embedded vocabulary, loaded once and shared by the test classes that use it.</summary>
public sealed class VocabularyFixture
{
    public Vocabulary Vocabulary { get; } = VocabularyLoader.LoadEmbedded();
}
