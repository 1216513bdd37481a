namespace TumorBoard.KnowledgeBase;

/// <summary>One problem in a knowledge-base data file: the file, the 1-based line when known, and why it is wrong.</summary>
public sealed record KnowledgeBaseLoadError(string File, int? Line, string Reason)
{
    public override string ToString() => Line is { } line ? $"{File}:{line}: {Reason}" : $"{File}: {Reason}";
}
