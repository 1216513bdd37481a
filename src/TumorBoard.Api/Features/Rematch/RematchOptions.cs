namespace TumorBoard.Api.Features.Rematch;

/// <summary>Section <c>Rematch</c>.</summary>
public sealed class RematchOptions
{
    public const string Section = "Rematch";

    /// <summary>Run the background job in this instance (every instance may; an advisory lock lets one work at a time, and a job left by a dead instance is resumed).</summary>
    public bool Enabled { get; set; } = true;

    public int BatchSize { get; set; } = 500;

    /// <summary>How often to look for stale evaluations without being signalled.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often a running job's heartbeat is refreshed between batches.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);
}
