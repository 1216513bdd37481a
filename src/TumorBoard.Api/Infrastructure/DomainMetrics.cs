using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TumorBoard.Api.Infrastructure;

/// <summary>
/// The service's domain metrics. Labels are bounded codes (an outcome, a rejection reason, a trigger, a
/// trial arm id from the trial files): never a patient, report or evaluation identifier.
/// </summary>
public static class DomainMetrics
{
    private static readonly Counter<long> BundlesIngested = TumorBoardTelemetry.Meter.CreateCounter<long>(
        "tumorboard.bundles.ingested", "{bundle}", "Bundles accepted (outcome: stored, unchanged)");

    private static readonly Counter<long> BundlesRejected = TumorBoardTelemetry.Meter.CreateCounter<long>(
        "tumorboard.bundles.rejected", "{bundle}", "Bundles refused, by reason");

    private static readonly Counter<long> Evaluations = TumorBoardTelemetry.Meter.CreateCounter<long>(
        "tumorboard.evaluations", "{evaluation}", "Evaluations stored, by trigger");

    private static readonly Counter<long> ArmQueries = TumorBoardTelemetry.Meter.CreateCounter<long>(
        "tumorboard.arm_queries", "{query}", "Coordinators' arm patient-list queries");

    private static readonly Histogram<double> ArmQueryDuration = TumorBoardTelemetry.Meter.CreateHistogram<double>(
        "tumorboard.arm_queries.duration", "s", "Time to answer an arm patient-list query");

    /// <summary>Counts POST /fhir/Bundle by the status it answered (the ingestion code stays unaware of metrics).</summary>
    public static async Task CountIngestionAsync(HttpContext context, Func<Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        await next();
        if (context.Request.Path != "/fhir/Bundle" || !HttpMethods.IsPost(context.Request.Method))
        {
            return;
        }

        switch (context.Response.StatusCode)
        {
            case StatusCodes.Status201Created:
                BundlesIngested.Add(1, new KeyValuePair<string, object?>("outcome", "stored"));
                break;
            case StatusCodes.Status200OK:
                BundlesIngested.Add(1, new KeyValuePair<string, object?>("outcome", "unchanged"));
                break;
            case var status when RejectionReason(status) is { } reason:
                BundlesRejected.Add(1, new KeyValuePair<string, object?>("reason", reason));
                break;
        }
    }

    public static void Evaluation(string trigger) => Evaluations.Add(1, new KeyValuePair<string, object?>("trigger", trigger));

    /// <summary>Endpoint filter for the arm patient list: count and duration per trial arm.</summary>
    public static async ValueTask<object?> TimeArmQueryAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var started = Stopwatch.GetTimestamp();
        var result = await next(context);
        var values = context.HttpContext.Request.RouteValues;
        TagList tags = default;
        tags.Add("trial", values["trialId"]?.ToString());
        tags.Add("arm", values["armId"]?.ToString());
        ArmQueries.Add(1, tags);
        ArmQueryDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        return result;
    }

    private static string? RejectionReason(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "unparseable",
        StatusCodes.Status409Conflict => "conflict",
        StatusCodes.Status413PayloadTooLarge => "too-large",
        StatusCodes.Status415UnsupportedMediaType => "media-type",
        StatusCodes.Status422UnprocessableEntity => "invalid",
        StatusCodes.Status401Unauthorized => "unauthenticated",
        StatusCodes.Status403Forbidden => "forbidden",
        _ => null,
    };
}
