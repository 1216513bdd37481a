using System.Text.Json;

namespace TumorBoard.Api.Features.Jobs;

/// <summary>The states and kinds stored in <c>jobs</c>.</summary>
public static class JobStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";

    public const string RematchKind = "rematch";

    /// <summary>The channel instances LISTEN on: a job was queued, wake up.</summary>
    public const string Channel = "tumorboard_jobs";

    /// <summary>How a job's audit details are written (web defaults: camelCase).</summary>
    internal static readonly JsonSerializerOptions DetailsJson = new(JsonSerializerDefaults.Web);
}
