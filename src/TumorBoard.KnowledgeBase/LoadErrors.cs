namespace TumorBoard.KnowledgeBase;

/// <summary>Collects load errors across files so one failed load reports every problem.</summary>
internal sealed class LoadErrors
{
    private readonly List<KnowledgeBaseLoadError> _errors = [];

    public int Count => _errors.Count;

    public void Add(string file, int? line, string reason, string? subject = null) => _errors.Add(new KnowledgeBaseLoadError(file, line, reason, subject));

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new KnowledgeBaseLoadException(_errors.ToList());
        }
    }
}
