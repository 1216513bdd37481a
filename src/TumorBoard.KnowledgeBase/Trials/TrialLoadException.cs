using TumorBoard.KnowledgeBase.Rules;

namespace TumorBoard.KnowledgeBase.Trials;

/// <summary>
/// Thrown when trial files fail validation. <see cref="TrialErrors"/> lists every problem found, each with file,
/// <c>trial/arm</c> (in <see cref="RuleLoadError.RuleId"/>), line and reason; as a <see cref="KnowledgeBaseLoadException"/>
/// it also carries them in the shared error shape.
/// </summary>
public sealed class TrialLoadException : KnowledgeBaseLoadException
{
    public TrialLoadException()
        : this([])
    {
    }

    public TrialLoadException(string message)
        : base(message)
    {
        TrialErrors = [];
    }

    public TrialLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        TrialErrors = [];
    }

    public TrialLoadException(IReadOnlyList<RuleLoadError> errors)
        : base(errors.Select(e => new KnowledgeBaseLoadError(e.File, e.Line == 0 ? null : e.Line, e.RuleId is null ? e.Reason : $"[{e.RuleId}] {e.Reason}")).ToList())
    {
        TrialErrors = errors;
    }

    public IReadOnlyList<RuleLoadError> TrialErrors { get; }
}
