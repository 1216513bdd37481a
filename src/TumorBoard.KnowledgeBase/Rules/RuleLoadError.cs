namespace TumorBoard.KnowledgeBase.Rules;

/// <summary>One problem in a rule knowledge-base file: where it is (file, rule, 1-based line) and why.</summary>
public sealed record RuleLoadError(string File, string? RuleId, int Line, string Reason)
{
    public override string ToString() => RuleId is null ? $"{File}:{Line}: {Reason}" : $"{File}:{Line} [{RuleId}]: {Reason}";
}

/// <summary>
/// Thrown when rule files fail validation. <see cref="RuleErrors"/> lists every problem found (with the rule
/// id); as a <see cref="KnowledgeBaseLoadException"/> it also carries them in the shared error shape.
/// </summary>
public sealed class RuleLoadException : KnowledgeBaseLoadException
{
    public RuleLoadException()
        : this([])
    {
    }

    public RuleLoadException(string message)
        : base(message)
    {
        RuleErrors = [];
    }

    public RuleLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        RuleErrors = [];
    }

    public RuleLoadException(IReadOnlyList<RuleLoadError> errors)
        : base(errors.Select(e => new KnowledgeBaseLoadError(e.File, e.Line == 0 ? null : e.Line, e.RuleId is null ? e.Reason : $"[{e.RuleId}] {e.Reason}")).ToList())
    {
        RuleErrors = errors;
    }

    public IReadOnlyList<RuleLoadError> RuleErrors { get; }
}
