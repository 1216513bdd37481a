namespace TumorBoard.KnowledgeBase;

/// <summary>
/// A knowledge-base data file (vocabulary, rules, trials) is malformed. Carries every problem found, each with
/// file, line and reason, so one load reports them all instead of the first only.
/// </summary>
public sealed class KnowledgeBaseLoadException : Exception
{
    private const int ErrorsInMessage = 20;

    public KnowledgeBaseLoadException()
        : this([])
    {
    }

    public KnowledgeBaseLoadException(string message)
        : base(message)
    {
        Errors = [];
    }

    public KnowledgeBaseLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public KnowledgeBaseLoadException(IReadOnlyList<KnowledgeBaseLoadError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<KnowledgeBaseLoadError> Errors { get; }

    private static string Describe(IReadOnlyList<KnowledgeBaseLoadError> errors)
    {
        if (errors.Count == 0)
        {
            return "The knowledge base could not be loaded.";
        }

        var shown = string.Join(Environment.NewLine, errors.Take(ErrorsInMessage));
        var more = errors.Count > ErrorsInMessage ? $"{Environment.NewLine}... and {errors.Count - ErrorsInMessage} more" : "";
        return $"The knowledge base has {errors.Count} error(s):{Environment.NewLine}{shown}{more}";
    }
}
