namespace TumorBoard.Api.Features.Rematch;

/// <summary>Re-match's log lines (source-generated).</summary>
internal static partial class RematchLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Job notifications lost; reconnecting")]
    public static partial void NotificationsLost(this ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Re-match run failed")]
    public static partial void RunFailed(this ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-match already running in another instance")]
    public static partial void AlreadyRunning(this ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-match job {JobId}: {Count} patients in {Batches} batches (knowledge base {Version}, trials {Trials})")]
    public static partial void JobFinished(this ILogger logger, Guid jobId, int count, int batches, string version, string trials);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-match job {JobId}: heartbeat failed")]
    public static partial void HeartbeatFailed(this ILogger logger, Exception exception, Guid jobId);
}
