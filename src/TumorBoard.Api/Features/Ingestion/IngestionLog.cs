namespace TumorBoard.Api.Features.Ingestion;

/// <summary>Ingestion's log lines: ids and counts only, no patient identifiers (source-generated, no boxing when off).</summary>
internal static partial class IngestionLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Bundle for patient {PatientId} repeated {ReportCount} stored reports; nothing written")]
    public static partial void BundleUnchanged(this ILogger logger, Guid patientId, int reportCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored bundle {BundleId} for patient {PatientId}: {Changed} new or replaced reports, evaluation {EvaluationId}, "
        + "{TherapyCount} therapy findings, {ArmCount} trial arms, knowledge base {Version}")]
    public static partial void BundleStored(this ILogger logger, Guid bundleId, Guid patientId, int changed, Guid evaluationId, int therapyCount, int armCount, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingestion lost a race on a unique key; answered 409")]
    public static partial void LostUniqueKeyRace(this ILogger logger);
}
