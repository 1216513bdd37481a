using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace TumorBoard.Api.Infrastructure;

internal static class ProblemDetailsSetup
{
    public static IServiceCollection AddTumorBoardProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier));
        services.AddExceptionHandler<DatabaseUnavailableExceptionHandler>();
        services.AddExceptionHandler<ClientErrorExceptionHandler>();
        return services;
    }
}

/// <summary>
/// Last resort for client mistakes that surface as exceptions (a malformed JSON body, a body over the
/// size limit): they are 4xx ProblemDetails, never a 500.
/// </summary>
internal sealed class ClientErrorExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var status = exception switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            System.Text.Json.JsonException => StatusCodes.Status400BadRequest,
            _ => 0,
        };
        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = status, Title = "The request could not be read.", Detail = exception.Message },
            Exception = exception,
        });
    }
}

internal static class HttpContextExtensions
{
    /// <summary>The authenticated subject, for audit and provenance; never a name.</summary>
    public static string? Subject(this HttpContext context) => context.User.FindFirst("sub")?.Value;

    public static void DisableBodySizeLimit(this HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = null;
        }
    }
}
