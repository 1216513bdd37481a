using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using TumorBoard.Fhir.Output;

namespace TumorBoard.Api.Infrastructure;

/// <summary>
/// A request that fails because PostgreSQL is down or restarting answers 503 with Retry-After: an
/// OperationOutcome on FHIR routes, ProblemDetails elsewhere. Nothing was stored (the transaction rolled
/// back), so the client may simply send the same request again.
/// </summary>
internal sealed class DatabaseUnavailableExceptionHandler(IProblemDetailsService problemDetails, ILogger<DatabaseUnavailableExceptionHandler> logger) : IExceptionHandler
{
    private const string Message = "The database is unavailable; nothing was stored. Retry the request after the time in Retry-After.";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseResilience.IsUnavailable(exception))
        {
            return false;
        }

        // The exception type only: messages can quote SQL parameters.
        logger.DatabaseUnavailable(httpContext.Request.Method, httpContext.GetEndpoint()?.DisplayName, exception.GetType().Name);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = DatabaseResilience.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        if (httpContext.Request.Path.StartsWithSegments("/fhir", StringComparison.OrdinalIgnoreCase))
        {
            response.ContentType = OperationOutcomeFactory.MediaType;
            await response.WriteAsync(OperationOutcomeFactory.SingleError("transient", Message), cancellationToken);
            return true;
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = "The database is unavailable.", Detail = Message },
            Exception = exception,
        });
    }
}
