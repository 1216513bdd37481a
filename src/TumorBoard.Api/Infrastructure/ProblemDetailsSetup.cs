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
        // Binding failures always reach ClientErrorExceptionHandler, which explains them (not only in Development).
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
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
        var (status, title, detail, extensions) = exception switch
        {
            BadHttpRequestException bad => BindingErrors.Explain(bad, httpContext),
            System.Text.Json.JsonException => (StatusCodes.Status400BadRequest, "The JSON body could not be read.", "The body is not valid JSON for this operation.", []),
            _ => (0, string.Empty, string.Empty, new Dictionary<string, object?>()),
        };
        if (status == 0)
        {
            return false;
        }

        if (ErrorBodies.IsFhir(httpContext))
        {
            await ErrorBodies.WriteAsync(httpContext, status, title, detail);
            return true;
        }

        httpContext.Response.StatusCode = status;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail };
        foreach (var (key, value) in extensions)
        {
            problem.Extensions[key] = value;
        }

        // Exception is left out on purpose: the developer page would print the framework's message to the client.
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
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
