using TumorBoard.Core.Ingestion;

namespace TumorBoard.Fhir.Parsing;

/// <summary>
/// Collects every issue found while reading a bundle. Codes are FHIR issue types. A parser warning
/// is dropped when a contract check already reports an error at the same expression, so the client
/// sees one issue per problem.
/// </summary>
internal sealed class IssueList
{
    private readonly List<IngestIssue> _issues = [];

    public bool HasErrors => _issues.Any(i => i.Severity is IssueSeverity.Error or IssueSeverity.Fatal);

    public void Error(string code, string diagnostics, string? expression) =>
        _issues.Add(new IngestIssue(IssueSeverity.Error, code, diagnostics, expression));

    public void Warning(string code, string diagnostics, string? expression) =>
        _issues.Add(new IngestIssue(IssueSeverity.Warning, code, diagnostics, expression));

    public void Information(string code, string diagnostics, string? expression) =>
        _issues.Add(new IngestIssue(IssueSeverity.Information, code, diagnostics, expression));

    public void AddRange(IEnumerable<IngestIssue> issues) => _issues.AddRange(issues);

    public IReadOnlyList<IngestIssue> ToList()
    {
        var errorExpressions = _issues
            .Where(i => i.Severity is IssueSeverity.Error or IssueSeverity.Fatal && i.Expression is not null)
            .Select(i => i.Expression!)
            .ToHashSet(StringComparer.Ordinal);
        return _issues
            .Where(i => i.Severity is IssueSeverity.Error or IssueSeverity.Fatal || i.Expression is null || !errorExpressions.Contains(i.Expression))
            .Distinct()
            .OrderBy(i => i.Severity)
            .ToList();
    }
}
