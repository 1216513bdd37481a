namespace TumorBoard.Api.Features.Ingestion;

/// <summary>The body of 201/200 answers to POST /fhir/Bundle.</summary>
public sealed record IngestResponse(Guid PatientId, IReadOnlyList<Guid> ReportIds, Guid? EvaluationId, IReadOnlyList<string> Warnings);
