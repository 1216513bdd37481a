namespace TumorBoard.Api.Features.Operations;

/// <summary>The migrate command's log lines (source-generated).</summary>
internal static partial class OperationsLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "migrate needs ConnectionStrings:TumorBoard (environment ConnectionStrings__TumorBoard)")]
    public static partial void MigrateWithoutConnectionString(this ILogger logger);

    // The list is logged comma-separated: the logging formatter joins an enumerable argument with ", ".
    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} pending migrations: {Migrations}")]
    public static partial void ApplyingMigrations(this ILogger logger, int count, IReadOnlyList<string> migrations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is current")]
    public static partial void SchemaCurrent(this ILogger logger);
}
