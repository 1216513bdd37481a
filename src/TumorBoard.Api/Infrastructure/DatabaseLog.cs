namespace TumorBoard.Api.Infrastructure;

/// <summary>Database start-up and availability log lines (source-generated).</summary>
internal static partial class DatabaseLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "No connection string configured: using the local PostgreSQL cluster in {DataDirectory} on port {Port}")]
    public static partial void UsingLocalCluster(this ILogger logger, string dataDirectory, int port);

    // The list is logged comma-separated: the logging formatter joins an enumerable argument with ", ".
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} migrations are pending ({Migrations}); run the migrate command (the release Job) before serving")]
    public static partial void MigrationsPending(this ILogger logger, int count, IReadOnlyList<string> migrations);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable during {Method} {Route}: {ExceptionType}; answered 503")]
    public static partial void DatabaseUnavailable(this ILogger logger, string method, string? route, string exceptionType);
}
