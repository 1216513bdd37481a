using TumorBoard.Core.Ingestion;

namespace TumorBoard.Api.Features.Ingestion;

/// <summary>What storing a parsed bundle did.</summary>
public abstract record IngestOutcome
{
    private IngestOutcome()
    {
    }

    /// <summary>At least one report was new or replaced; a new evaluation was made.</summary>
    public sealed record Stored(Guid PatientId, IReadOnlyList<Guid> ReportIds, Guid? EvaluationId, IReadOnlyList<string> Warnings) : IngestOutcome;

    /// <summary>Every report was already stored with the same content: nothing was written.</summary>
    public sealed record Unchanged(Guid PatientId, IReadOnlyList<Guid> ReportIds, Guid? EvaluationId, IReadOnlyList<string> Warnings) : IngestOutcome;

    /// <summary>The bundle contradicts what is stored (a final report with new content, identifiers of two patients).</summary>
    public sealed record Conflict(IReadOnlyList<IngestIssue> Issues) : IngestOutcome;
}
