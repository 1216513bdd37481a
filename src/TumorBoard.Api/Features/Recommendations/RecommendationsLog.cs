namespace TumorBoard.Api.Features.Recommendations;

/// <summary>Evaluation's log lines: ids and counts only (source-generated).</summary>
internal static partial class RecommendationsLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Evaluated patient {PatientId}: evaluation {EvaluationId}, {TherapyCount} therapy findings, {ArmCount} trial arms, knowledge base {Version}")]
    public static partial void PatientEvaluated(this ILogger logger, Guid patientId, Guid evaluationId, int therapyCount, int armCount, string version);
}
