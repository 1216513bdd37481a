using System.Reflection;
using TumorBoard.Fhir.Output;

namespace TumorBoard.Api.Features.Fhir;

/// <summary>GET /fhir/metadata: the CapabilityStatement, anonymous as FHIR servers expect.</summary>
public static class FhirMetadataApi
{
    private static readonly string SoftwareVersion =
        typeof(FhirMetadataApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0.0";

    public static IEndpointRouteBuilder MapFhirMetadata(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/fhir/metadata", (HttpRequest request, TimeProvider clock) =>
                Results.Text(CapabilityStatementFactory.Create(SoftwareVersion, clock.GetUtcNow(), $"{request.Scheme}://{request.Host}/fhir"),
                    CapabilityStatementFactory.MediaType))
            .WithTags("FHIR")
            .WithSummary("The CapabilityStatement of the FHIR endpoints")
            .Produces(StatusCodes.Status200OK, contentType: CapabilityStatementFactory.MediaType)
            .AllowAnonymous();
        return routes;
    }
}
