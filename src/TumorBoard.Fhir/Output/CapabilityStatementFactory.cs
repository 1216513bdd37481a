using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace TumorBoard.Fhir.Output;

/// <summary>
/// The service's CapabilityStatement for <c>GET /fhir/metadata</c>: Bundle create by
/// <c>POST /fhir/Bundle</c>, the Patient <c>$recommendations</c> operation, JSON and XML.
/// </summary>
public static class CapabilityStatementFactory
{
    public const string MediaType = FhirMediaTypes.Json;

    public static string Create(string softwareVersion, DateTimeOffset publishedAt, string? baseUrl = null)
    {
        var statement = new CapabilityStatement
        {
            Status = PublicationStatus.Active,
            DateElement = new FhirDateTime(publishedAt),
            Kind = CapabilityStatementKind.Instance,
            FhirVersion = FHIRVersion.N4_0_1,
            Format = [FhirMediaTypes.Json, FhirMediaTypes.Xml, "json", "xml"],
            Software = new CapabilityStatement.SoftwareComponent { Name = "TumorBoard", Version = softwareVersion },
            Implementation = new CapabilityStatement.ImplementationComponent
            {
                Description = "TumorBoard precision-oncology molecular tumor board service",
                Url = baseUrl,
            },
            Rest =
            [
                new CapabilityStatement.RestComponent
                {
                    Mode = CapabilityStatement.RestfulCapabilityMode.Server,
                    Documentation = "Genomics reports are posted as Bundles (Genomics Reporting STU2/STU3, mCODE); errors are OperationOutcomes. Requires a bearer token with role ingest or admin.",
                    Resource =
                    [
                        new CapabilityStatement.ResourceComponent
                        {
                            Type = "Bundle",
                            Interaction = [new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Create }],
                            Documentation = "POST /fhir/Bundle: a transaction, collection or document Bundle with one identified Patient and one or more genomics DiagnosticReports.",
                        },
                        new CapabilityStatement.ResourceComponent
                        {
                            Type = "Patient",
                            Operation =
                            [
                                new CapabilityStatement.OperationComponent
                                {
                                    Name = "recommendations",
                                    Definition = "http://tumorboard.local/fhir/OperationDefinition/Patient-recommendations",
                                    Documentation = "GET /fhir/Patient/{id}/$recommendations: a collection Bundle with a genomic-report for the latest evaluation.",
                                },
                            ],
                        },
                    ],
                },
            ],
        };
        return statement.ToJson();
    }
}
