namespace TumorBoard.Fhir;

/// <summary>The wire format of a posted FHIR body (<c>application/fhir+json</c> or <c>application/fhir+xml</c>).</summary>
public enum FhirFormat
{
    Json,
    Xml,
}
