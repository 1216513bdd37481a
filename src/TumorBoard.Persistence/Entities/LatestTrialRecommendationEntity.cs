namespace TumorBoard.Persistence.Entities;

/// <summary>
/// A trial row of a patient's latest evaluation, kept narrow beside its recommendation (<see cref="RecommendationId"/>):
/// what the arm lists, their cursors and totals, the arm- and trial-scoped re-matches and the "newly listed" check
/// filter and order on. A new evaluation deletes the patient's rows and inserts its own, in its transaction, so
/// <c>recommendations</c> is insert-only: no wide row is rewritten to say it is no longer the latest (that non-HOT
/// UPDATE was about half of PostgreSQL's work in a full re-evaluation, docs/performance.md, issue 16 session 6).
/// Therapy rows have no copy here: nothing filters the latest therapy rows (they are the rows of
/// <c>patients.latest_evaluation_id</c>).
/// </summary>
public sealed class LatestTrialRecommendationEntity
{
    /// <summary>The recommendation row (the arm pages read its payload by this id).</summary>
    public Guid RecommendationId { get; set; }

    public Guid PatientId { get; set; }

    public required string TrialId { get; set; }

    public required string ArmId { get; set; }

    /// <summary>eligible, potential or ineligible.</summary>
    public required string Status { get; set; }

    /// <summary>The arm's accrual status the match was computed against (null on rows written before it was recorded).</summary>
    public string? ArmStatus { get; set; }
}
