using TumorBoard.Fhir.Output;

namespace TumorBoard.Api.Infrastructure;

/// <summary>
/// Writes an error the way the route's family speaks: an OperationOutcome under <c>/fhir</c>, RFC 9457
/// ProblemDetails everywhere else. Used where no endpoint wrote a body (auth, routing, status code pages).
/// </summary>
internal static class ErrorBodies
{
    public static bool IsFhir(HttpContext context) => context.Request.Path.StartsWithSegments("/fhir");

    public static async Task WriteAsync(HttpContext context, int status, string title, string? detail = null, IDictionary<string, object?>? extensions = null)
    {
        context.Response.StatusCode = status;
        if (IsFhir(context))
        {
            context.Response.ContentType = OperationOutcomeFactory.MediaType;
            var text = detail is null ? title : $"{title} {detail}";
            await context.Response.WriteAsync(OperationOutcomeFactory.SingleError(FhirCode(status), text), context.RequestAborted);
            return;
        }

        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (!await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
        {
            await context.Response.WriteAsJsonAsync(problem, context.RequestAborted);
        }
    }

    /// <summary>FHIR issue-type codes (http://hl7.org/fhir/issue-type) for the HTTP statuses answered here.</summary>
    private static string FhirCode(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "login",
        StatusCodes.Status403Forbidden => "forbidden",
        StatusCodes.Status404NotFound => "not-found",
        StatusCodes.Status405MethodNotAllowed => "not-supported",
        StatusCodes.Status409Conflict => "conflict",
        StatusCodes.Status413PayloadTooLarge => "too-costly",
        StatusCodes.Status415UnsupportedMediaType => "not-supported",
        StatusCodes.Status503ServiceUnavailable => "transient",
        >= 500 => "exception",
        _ => "invalid",
    };
}
