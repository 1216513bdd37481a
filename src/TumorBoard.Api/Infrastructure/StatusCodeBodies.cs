using Microsoft.AspNetCore.Diagnostics;

namespace TumorBoard.Api.Infrastructure;

/// <summary>
/// Bodies for error statuses no endpoint wrote (no route, wrong method): OperationOutcome under /fhir,
/// ProblemDetails elsewhere, and a pointer to the identifier search when a patient id is not a UUID.
/// </summary>
internal static class StatusCodeBodies
{
    public const string IdentifierSearchHint =
        "Patient ids are UUIDs assigned by this service. To find a patient by a business identifier (an MRN), use "
        + "GET /api/patients?identifier=system|value, e.g. /api/patients?identifier=urn:oid:2.16.840.1.113883.3.1|MRN-0001, and use its patientId.";

    public static async Task HandleAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        var route = $"{http.Request.Method} {http.Request.Path}";
        if (status == StatusCodes.Status404NotFound && LooksLikeIdentifierInPatientPath(http.Request.Path))
        {
            await ErrorBodies.WriteAsync(http, status, "The patient id in the path is not a UUID.", IdentifierSearchHint,
                new Dictionary<string, object?> { ["search"] = "/api/patients?identifier={system}|{value}" });
            return;
        }

        var (title, detail) = status switch
        {
            StatusCodes.Status404NotFound => ($"No route {route}.", ErrorBodies.IsFhir(http)
                ? "The FHIR routes are listed in the CapabilityStatement: GET /fhir/metadata."
                : "The routes are listed in the OpenAPI document: GET /openapi/v1.json (Swagger UI at /swagger)."),
            StatusCodes.Status405MethodNotAllowed => ($"{http.Request.Method} is not allowed on {http.Request.Path}.", "See GET /openapi/v1.json for the methods each route takes."),
            StatusCodes.Status400BadRequest => ("The request could not be read.", null),
            _ => ($"The request failed with status {status}.", null),
        };
        await ErrorBodies.WriteAsync(http, status, title, detail);
    }

    /// <summary>/api/patients/{x}[/...] or /fhir/Patient/{x}[/...] where x is not a UUID (the routes constrain it to one).</summary>
    private static bool LooksLikeIdentifierInPatientPath(PathString path)
    {
        var segments = (path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var id = segments switch
        {
            ["api", "patients", var x, ..] => x,
            ["fhir", "Patient", var x, ..] => x,
            _ => null,
        };
        return id is not null && !Guid.TryParse(id, out _);
    }
}
