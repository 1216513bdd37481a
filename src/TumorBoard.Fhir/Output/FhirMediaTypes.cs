namespace TumorBoard.Fhir.Output;

/// <summary>The FHIR media types the service answers with (every FHIR resource it writes is JSON).</summary>
public static class FhirMediaTypes
{
    public const string Json = "application/fhir+json";

    public const string Xml = "application/fhir+xml";
}
