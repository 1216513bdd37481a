namespace TumorBoard.Persistence.Entities;

/// <summary>
/// A durable background job (today: the re-match). Any instance may run it; its owner, heartbeat and
/// progress live here, so another instance resumes it when the owner dies and anyone can follow it
/// (GET /api/jobs/{id}). Holds counts and hashes only, never patient data.
/// </summary>
public sealed class JobEntity
{
    public Guid Id { get; set; }

    /// <summary><c>rematch</c>.</summary>
    public required string Kind { get; set; }

    /// <summary><c>queued</c>, <c>running</c>, <c>completed</c> or <c>failed</c>.</summary>
    public required string Status { get; set; }

    /// <summary>Why it was requested: <c>arm-status</c>, <c>stale-evaluations</c> (new knowledge base or trial files), ...</summary>
    public required string Reason { get; set; }

    public required string RequestedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? HeartbeatAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The instance running it (pod name, process id, instance nonce).</summary>
    public string? Owner { get; set; }

    /// <summary>How many times an instance started or resumed it.</summary>
    public int Attempts { get; set; }

    /// <summary>Patients to re-evaluate, counted when the latest attempt started (done + still stale).</summary>
    public int PatientsTotal { get; set; }

    public int PatientsDone { get; set; }

    public int BatchesDone { get; set; }

    public string? KnowledgeBaseHash { get; set; }

    public string? TrialsHash { get; set; }

    public string? Error { get; set; }

    /// <summary>
    /// Set for a trial-scoped re-match (a CTML import): only the patients that trial can affect are re-evaluated,
    /// instead of every patient with a stale evaluation.
    /// </summary>
    public string? TrialId { get; set; }

    /// <summary>
    /// Set with <see cref="TrialId"/> for an arm-scoped re-match (an arm status change): only the patients listed on that
    /// arm whose latest row recorded another arm status are re-matched, and their therapy findings are carried over.
    /// </summary>
    public string? ArmId { get; set; }
}
