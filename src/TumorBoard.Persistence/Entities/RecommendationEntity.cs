namespace TumorBoard.Persistence.Entities;

/// <summary>
/// One recommendation of an evaluation (a therapy finding or a trial-arm match), addressable by id for
/// reviews. Insert-only: a patient's latest trial rows are also in <see cref="LatestTrialRecommendationEntity"/>, which
/// the coordinators' arm lists read; the latest rows of every kind are those of <c>patients.latest_evaluation_id</c>.
/// </summary>
public sealed class RecommendationEntity
{
    public Guid Id { get; set; }

    public Guid EvaluationId { get; set; }

    public Guid PatientId { get; set; }

    /// <summary><c>therapy</c> or <c>trial</c>.</summary>
    public required string Kind { get; set; }

    public string? RuleId { get; set; }

    public string? TrialId { get; set; }

    public string? ArmId { get; set; }

    /// <summary>For trials: eligible, potential or ineligible.</summary>
    public string? Status { get; set; }

    /// <summary>
    /// For trials: the arm's accrual status the match was computed against (open, closed, suspended). A column, not only
    /// the payload, so an arm status change finds the patients it concerns (listed rows that recorded another status)
    /// and the writers read it back without detoasting the payload.
    /// </summary>
    public string? ArmStatus { get; set; }

    /// <summary>
    /// For trials: the match's criteria trace, JSON <c>{"criteria": [...]}</c> (<c>json</c>: stored as written, read whole),
    /// its one copy (the evaluation document holds the rest of the match and leaves the trace out; EvaluationReader joins
    /// it back). Rows written before issue 16 session 5 hold the whole match, trace included; readers take the trace from
    /// either. Null for therapies: the evaluation document holds them, and nothing reads a therapy row's payload.
    /// </summary>
    public string? Payload { get; set; }
}
