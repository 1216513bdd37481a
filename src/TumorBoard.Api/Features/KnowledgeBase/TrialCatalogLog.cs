namespace TumorBoard.Api.Features.KnowledgeBase;

/// <summary>The trial catalogue's log lines (source-generated).</summary>
internal static partial class TrialCatalogLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Trial catalogue check failed")]
    public static partial void CheckFailed(this ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trial catalogue now has {Count} imported trials (trial_versions up to {Mark})")]
    public static partial void CatalogueLoaded(this ILogger logger, int count, string mark);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stored trial {TrialId} version {Version} no longer validates: {Problems}")]
    public static partial void StoredTrialInvalid(this ILogger logger, string trialId, int version, string problems);
}
