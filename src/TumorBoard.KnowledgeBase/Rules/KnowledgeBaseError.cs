namespace TumorBoard.KnowledgeBase.Rules;

/// <summary>One problem in a knowledge-base data file: where it is (file, rule, 1-based line) and why.</summary>
public sealed record KnowledgeBaseError(string File, string? RuleId, int Line, string Reason)
{
    public override string ToString() => RuleId is null ? $"{File}:{Line}: {Reason}" : $"{File}:{Line} [{RuleId}]: {Reason}";
}

/// <summary>Thrown when knowledge-base files fail validation; <see cref="Errors"/> lists every problem found, not only the first.</summary>
public sealed class KnowledgeBaseException : Exception
{
    public KnowledgeBaseException()
        : this([])
    {
    }

    public KnowledgeBaseException(string message)
        : base(message)
    {
        Errors = [];
    }

    public KnowledgeBaseException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public KnowledgeBaseException(IReadOnlyList<KnowledgeBaseError> errors)
        : base($"The knowledge base has {errors.Count} error(s):{Environment.NewLine}{string.Join(Environment.NewLine, errors)}")
    {
        Errors = errors;
    }

    public IReadOnlyList<KnowledgeBaseError> Errors { get; }
}
