namespace TumorBoard.KnowledgeBase.Vocabularies;

/// <summary>A vocabulary data file is missing or malformed; <see cref="KnowledgeBaseLoadException.Errors"/> says where and why.</summary>
public sealed class VocabularyLoadException : KnowledgeBaseLoadException
{
    public VocabularyLoadException()
    {
    }

    public VocabularyLoadException(string message)
        : base(message)
    {
    }

    public VocabularyLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public VocabularyLoadException(IReadOnlyList<KnowledgeBaseLoadError> errors)
        : base(errors)
    {
    }
}
