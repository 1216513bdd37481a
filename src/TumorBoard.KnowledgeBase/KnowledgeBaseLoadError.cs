namespace TumorBoard.KnowledgeBase;

/// <summary>
/// One problem in a knowledge-base data file (vocabulary, rules, trials): the file, the 1-based line when known,
/// what it concerns when that is narrower than the file (a rule id, <c>trial/arm</c>), and why it is wrong.
/// </summary>
public sealed record KnowledgeBaseLoadError(string File, int? Line, string Reason, string? Subject = null)
{
    public override string ToString() =>
        (Line is { } line ? $"{File}:{line}" : File) + (Subject is null ? "" : $" [{Subject}]") + $": {Reason}";
}
