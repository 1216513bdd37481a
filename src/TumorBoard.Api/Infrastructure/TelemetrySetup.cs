using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace TumorBoard.Api.Infrastructure;

/// <summary>
/// OpenTelemetry traces and metrics: ASP.NET Core, HttpClient, Npgsql and the service's own
/// (<see cref="TumorBoardTelemetry"/>), exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set
/// (the standard OTEL_* variables configure the exporter). <c>Telemetry:Enabled=true</c> collects without
/// OTLP (for another exporter, or tests). Off otherwise: nothing is collected.
/// </summary>
public static class TelemetrySetup
{
    public static IServiceCollection AddTumorBoardTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (!otlp && !configuration.GetValue("Telemetry:Enabled", false))
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? "tumorboard-api"))
            .WithTracing(tracing => tracing
                .AddSource(TumorBoardTelemetry.Name)
                .AddAspNetCoreInstrumentation(aspnet =>
                {
                    // Probes would drown the traces.
                    aspnet.Filter = http => !http.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
                    // A query string may carry a patient identifier (?identifier=MRN...): never exported.
                    aspnet.EnrichWithHttpRequest = (activity, _) => activity.SetTag("url.query", null);
                    // The path holds ids (/api/patients/{id}): exported as its route template instead.
                    aspnet.EnrichWithHttpResponse = (activity, http) =>
                        activity.SetTag("url.path", (http.HttpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched");
                })
                .AddHttpClientInstrumentation(http => http.EnrichWithHttpRequestMessage = (activity, _) => activity.SetTag("url.query", null))
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddMeter(TumorBoardTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsqlInstrumentation());
        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }

        return services;
    }
}
