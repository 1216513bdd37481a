namespace TumorBoard.Persistence.Entities;

/// <summary>
/// One evaluation of a patient, immutable once written: the knowledge-base version and hash it used,
/// the reports it rested on, and the full result document exactly as served.
/// </summary>
public sealed class EvaluationEntity
{
    public Guid Id { get; set; }

    public Guid PatientId { get; set; }

    public DateTimeOffset EvaluatedAt { get; set; }

    public required string KnowledgeBaseVersion { get; set; }

    public required string KnowledgeBaseHash { get; set; }

    /// <summary>Trial catalog version and the hash of its files plus the arm-status overrides in force.</summary>
    public string TrialsVersion { get; set; } = string.Empty;

    public string TrialsHash { get; set; } = string.Empty;

    public List<Guid> ReportIds { get; set; } = [];

    public Guid? PreviousEvaluationId { get; set; }

    public required string Trigger { get; set; }

    /// <summary>The evaluation response as JSON (<c>json</c>), trial criteria traces left to the trial rows' payloads.</summary>
    public required string Document { get; set; }
}
