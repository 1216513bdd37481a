using System.Text.Json;
using Hl7.Fhir.Model;
using TumorBoard.Core.Ingestion;

namespace TumorBoard.Fhir.Parsing;

/// <summary>
/// The outcome of deserialising a body: <see cref="Malformed"/> when it is not a FHIR resource at all;
/// otherwise the resource (possibly partial) and the deserialiser's findings.
/// </summary>
internal sealed record ParsedBody(bool Malformed, Resource? Resource, string? ResourceType, IReadOnlyList<IngestIssue> Issues)
{
    /// <summary>The posted JSON, parsed (null for XML and malformed bodies); the caller disposes it.</summary>
    public JsonDocument? Json { get; init; }
}
