namespace TumorBoard.Core.Ingestion;

/// <summary>
/// One problem found in a posted bundle. <paramref name="Code"/> is a FHIR issue-type code
/// (<c>structure</c>, <c>required</c>, <c>value</c>, <c>invalid</c>, <c>not-supported</c>, <c>processing</c>...);
/// <paramref name="Expression"/> locates it (<c>Bundle.entry[4].resource.component[2]</c>).
/// </summary>
public sealed record IngestIssue(IssueSeverity Severity, string Code, string Diagnostics, string? Expression);
