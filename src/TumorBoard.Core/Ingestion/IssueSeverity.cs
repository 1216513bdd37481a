namespace TumorBoard.Core.Ingestion;

/// <summary>Severity of an ingestion issue, mirroring FHIR OperationOutcome.issue.severity.</summary>
public enum IssueSeverity
{
    Fatal,
    Error,
    Warning,
    Information,
}
