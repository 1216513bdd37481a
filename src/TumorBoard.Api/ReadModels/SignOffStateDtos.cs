namespace TumorBoard.Api.ReadModels;

/// <summary>The patient's signed-off record: the newest evaluation a board signed off.</summary>
/// <param name="EvaluationId">The signed-off evaluation.</param>
/// <param name="EvaluatedAt">When it was computed.</param>
/// <param name="SignedOffBy">Token subject of the board member who signed it off.</param>
/// <param name="SignedOffAt">When it was signed off.</param>
/// <param name="Comment">The sign-off comment.</param>
/// <param name="AcceptedUnreviewed">The board signed off saying some recommendations were left unreviewed.</param>
/// <param name="UnreviewedCount">How many recommendations had no review at sign-off.</param>
public sealed record SignedOffSummaryDto(
    Guid EvaluationId, DateTimeOffset EvaluatedAt, string SignedOffBy, DateTimeOffset SignedOffAt, string? Comment, bool AcceptedUnreviewed, int UnreviewedCount);

/// <summary>The newest evaluation awaiting the board's sign-off (newer than the signed-off record, if any).</summary>
/// <param name="EvaluationId">The pending evaluation.</param>
/// <param name="EvaluatedAt">When it was computed.</param>
/// <param name="Trigger">ingestion, request or rematch.</param>
/// <param name="UnreviewedCount">Recommendations of the pending evaluation without a review yet.</param>
/// <param name="Causes">Why each evaluation since the signed-off record was made, oldest first.</param>
public sealed record PendingSummaryDto(Guid EvaluationId, DateTimeOffset EvaluatedAt, string Trigger, int UnreviewedCount, IReadOnlyList<EvaluationCauseDto> Causes);

/// <summary>Why an evaluation was made, relative to the evaluation before it.</summary>
/// <param name="EvaluationId">The evaluation this cause belongs to.</param>
/// <param name="PreviousEvaluationId">The evaluation it replaced as the patient's latest.</param>
/// <param name="EvaluatedAt">When it was computed.</param>
/// <param name="Trigger">ingestion (a lab report arrived or was amended), request (a board member asked), rematch (knowledge base or trial catalog changed).</param>
/// <param name="Actor">Token subject that caused it; <c>system</c> for the background re-match.</param>
/// <param name="KnowledgeBase">Rules version change, when the knowledge base differed.</param>
/// <param name="TrialCatalog">Trial catalog version change, when the trial files differed.</param>
/// <param name="ReportsAdded">Reports the evaluation rested on that the previous one did not (new or amended).</param>
/// <param name="ReportsRemoved">Reports the previous evaluation rested on that this one did not (replaced by an amendment).</param>
/// <param name="ArmStatusChanges">Arm status changes made between the two evaluations.</param>
public sealed record EvaluationCauseDto(
    Guid EvaluationId,
    Guid? PreviousEvaluationId,
    DateTimeOffset EvaluatedAt,
    string Trigger,
    string Actor,
    VersionChangeDto? KnowledgeBase,
    VersionChangeDto? TrialCatalog,
    IReadOnlyList<Guid> ReportsAdded,
    IReadOnlyList<Guid> ReportsRemoved,
    IReadOnlyList<ArmStatusChangeDto> ArmStatusChanges);

/// <param name="From">Version before (with the first 12 characters of its content hash when only the hash changed).</param>
/// <param name="To">Version after.</param>
public sealed record VersionChangeDto(string From, string To);

/// <summary>One change of an arm's accrual status.</summary>
/// <param name="TrialId">Trial id, e.g. NCI-MATCH.</param>
/// <param name="ArmId">Arm id, e.g. E.</param>
/// <param name="From">open, closed or suspended: the status before.</param>
/// <param name="To">open, closed or suspended: the status after.</param>
/// <param name="ChangedBy">Token subject of the coordinator.</param>
/// <param name="ChangedAt">When.</param>
/// <param name="Reason">Why, when the coordinator said.</param>
public sealed record ArmStatusChangeDto(string TrialId, string ArmId, string From, string To, string ChangedBy, DateTimeOffset ChangedAt, string? Reason);

/// <summary>What the pending evaluation changes relative to the signed-off one, and why.</summary>
/// <param name="FromEvaluationId">The signed-off evaluation.</param>
/// <param name="ToEvaluationId">The pending evaluation.</param>
/// <param name="Therapies">Therapy findings added, removed and changed (level, effect, sample, emergent, contraindicated).</param>
/// <param name="Trials">Trial arms added, removed and changed (eligibility, arm status).</param>
/// <param name="Causes">Why each evaluation since the signed-off one was made, oldest first.</param>
/// <param name="IsEmpty">True when no therapy finding or trial arm differs: the reviews can be carried over as they are.</param>
public sealed record ChangesSinceSignOffDto(
    Guid FromEvaluationId, Guid ToEvaluationId, FindingChangesDto Therapies, FindingChangesDto Trials, IReadOnlyList<EvaluationCauseDto> Causes, bool IsEmpty);

/// <param name="Added">In the pending evaluation only.</param>
/// <param name="Removed">In the signed-off evaluation only.</param>
/// <param name="Changed">In both, graded differently.</param>
/// <param name="Unchanged">How many are in both, graded alike.</param>
public sealed record FindingChangesDto(IReadOnlyList<FindingChangeDto> Added, IReadOnlyList<FindingChangeDto> Removed, IReadOnlyList<FindingChangeDto> Changed, int Unchanged);

/// <summary>One finding that differs. Therapies are keyed <c>ruleId @ alterationKey</c>, trial arms <c>trialId/armId</c>.</summary>
/// <param name="Key">What the finding is.</param>
/// <param name="Title">For people: drugs and alteration, or trial, arm and title.</param>
/// <param name="RecommendationId">Its id in the pending evaluation (null when removed).</param>
/// <param name="SignedOffRecommendationId">Its id in the signed-off evaluation (null when added).</param>
/// <param name="Fields">Each graded field that differs, e.g. <c>{"field": "level", "from": "1", "to": "2"}</c>.</param>
public sealed record FindingChangeDto(string Key, string Title, Guid? RecommendationId, Guid? SignedOffRecommendationId, IReadOnlyList<FieldChangeDto> Fields);

/// <param name="Field">level, effect, sample, emergent, contraindicated (therapies); status, armStatus (trial arms).</param>
/// <param name="From">The signed-off value.</param>
/// <param name="To">The pending value.</param>
public sealed record FieldChangeDto(string Field, string? From, string? To);

/// <summary>One evaluation in the patient's history.</summary>
/// <param name="EvaluationId">The evaluation.</param>
/// <param name="EvaluatedAt">When it was computed.</param>
/// <param name="State">signedOff (the patient's signed-off record), pending (newest, awaiting sign-off), superseded (older than the record, or a pending one a newer evaluation replaced), or supersededSignedOff.</param>
/// <param name="SignOff">Its sign-off, when signed off.</param>
/// <param name="Cause">Why it was made.</param>
public sealed record EvaluationHistoryItemDto(Guid EvaluationId, DateTimeOffset EvaluatedAt, string State, SignOffStateDto? SignOff, EvaluationCauseDto Cause);
