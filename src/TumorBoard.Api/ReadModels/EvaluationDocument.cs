namespace TumorBoard.Api.ReadModels;

/// <summary>
/// An evaluation exactly as the contract serves it. Written once as JSON and never changed: reviews
/// are joined in when the evaluation is read.
/// </summary>
public sealed record EvaluationDocument
{
    /// <summary>This service's document format: 2 since therapy findings name every matched alteration (<c>matchedAlterationKeys</c>).</summary>
    public const int CurrentFormat = 2;

    /// <summary>The document format it was written in (absent: 1). Only format 2 findings can be carried over.</summary>
    public int Format { get; init; } = 1;

    public required Guid EvaluationId { get; init; }

    public required Guid PatientId { get; init; }

    public required DateTimeOffset EvaluatedAt { get; init; }

    public required KnowledgeBaseStamp KnowledgeBase { get; init; }

    /// <summary>The trial catalog version and the hash of its files plus the arm-status overrides in force.</summary>
    public KnowledgeBaseStamp? TrialCatalog { get; init; }

    public TumorTypeDto? TumorType { get; init; }

    public required IReadOnlyList<TherapyRecommendationDto> Therapies { get; init; }

    /// <summary>
    /// Null when the rules engine ran for this evaluation. Otherwise the evaluation whose rules-engine run produced the
    /// therapy findings, conflicts, CIViC findings and molecular progression carried over unchanged into this one: an arm
    /// status change re-evaluates only the trial part (ADR 0003).
    /// </summary>
    public Guid? TherapiesFromEvaluationId { get; init; }

    public IReadOnlyList<TrialRecommendationDto> Trials { get; init; } = [];

    public IReadOnlyList<ConflictDto> Conflicts { get; init; } = [];

    /// <summary>The CIViC layer's version and hash this evaluation used; null when the layer is disabled.</summary>
    public KnowledgeBaseStamp? CivicLayer { get; init; }

    /// <summary>Findings of the CIViC layer (<c>source: civic</c>), apart from the curated therapies; empty when the layer is disabled.</summary>
    public IReadOnlyList<CivicFindingDto> CivicFindings { get; init; } = [];

    /// <summary>The reports the evaluation rested on.</summary>
    public required IReadOnlyList<Guid> ReportIds { get; init; }

    public Guid? PreviousEvaluationId { get; init; }

    /// <summary>What made this evaluation: ingestion, request, re-match.</summary>
    public required string Trigger { get; init; }

    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>
    /// Molecular progression flagged by this evaluation (docs/evolution.md): a resistance alteration rising in blood under
    /// a therapy it resists. Empty when none; each entry becomes a <c>molecular.progression</c> event once subscriptions exist.
    /// </summary>
    public IReadOnlyList<MolecularProgressionDto> MolecularProgression { get; init; } = [];

    /// <summary>Joined in at read time: the sign-off that locked this evaluation, if any.</summary>
    public SignOffStateDto? SignOff { get; init; }

    /// <summary>Joined in at read time: what changed since the previous evaluation of the patient.</summary>
    public EvaluationChangesDto? Changes { get; init; }

    /// <summary>Patient reads only: the patient's signed-off record (the newest evaluation a board signed off), null when none.</summary>
    public Guid? SignedOffEvaluationId { get; init; }

    /// <summary>Patient reads only: the newest evaluation awaiting sign-off (newer than the signed-off record), null when none.</summary>
    public Guid? PendingEvaluationId { get; init; }

    /// <summary>Patient reads only: who signed off the patient's record and when.</summary>
    public SignedOffSummaryDto? SignedOffRecord { get; init; }

    /// <summary>Patient reads only: the pending evaluation, its unreviewed count and its causes.</summary>
    public PendingSummaryDto? PendingReview { get; init; }

    /// <summary>Patient reads only: what the pending evaluation changes relative to the signed-off record, and why (null unless both exist).</summary>
    public ChangesSinceSignOffDto? ChangesSinceSignOff { get; init; }
}

public sealed record SignOffStateDto(string Actor, DateTimeOffset At, string? Comment)
{
    /// <summary>The board signed off saying some recommendations were left unreviewed.</summary>
    public bool AcceptedUnreviewed { get; init; }

    /// <summary>The recommendations that had no review at sign-off.</summary>
    public IReadOnlyList<Guid> UnreviewedRecommendationIds { get; init; } = [];
}

/// <summary>Findings keyed <c>ruleId @ alterationKey</c> (therapies) or <c>trialId/armId</c> (trials).</summary>
public sealed record EvaluationChangesDto(Guid? PreviousEvaluationId, IReadOnlyList<string> New, IReadOnlyList<string> Lost, IReadOnlyList<string> Changed);

public sealed record KnowledgeBaseStamp(string Version, string Hash);

public sealed record CitationDto(string Type, string Id, string? Note);

public sealed record ReviewStateDto(string Status, string? Decision = null, string? Reviewer = null, DateTimeOffset? At = null, string? Comment = null, IReadOnlyList<string>? Drugs = null)
{
    /// <summary>A reviewed recommendation: its status is the decision taken (accepted, rejected, modified).</summary>
    public static ReviewStateDto Reviewed(string decision, string reviewer, DateTimeOffset at, string? comment, IReadOnlyList<string>? drugs) =>
        new(Status: decision, Decision: decision, Reviewer: reviewer, At: at, Comment: comment, Drugs: drugs);
}

public sealed record TherapyRecommendationDto
{
    public required Guid RecommendationId { get; init; }

    public required IReadOnlyList<string> Drugs { get; init; }

    /// <summary>sensitive or resistant.</summary>
    public required string Effect { get; init; }

    public required string Level { get; init; }

    public string? Escat { get; init; }

    public required string Gene { get; init; }

    public required string Alteration { get; init; }

    public required string AlterationKey { get; init; }

    /// <summary>
    /// Every alteration the rule matched, when more than the one in <see cref="AlterationKey"/> (absent otherwise): what
    /// trial criteria read as this finding's targetable alterations when an evaluation's therapy findings are carried over.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? MatchedAlterationKeys { get; init; }

    /// <summary>primary, metastasis, both or ctdna: the sample(s) the matched alteration was found in.</summary>
    public required string Sample { get; init; }

    /// <summary>The alteration was acquired in the governing (most recent tumour) sample.</summary>
    public required bool Emergent { get; init; }

    /// <summary>A therapy supported only by the primary while the governing sample shows acquired resistance to it.</summary>
    public bool Contraindicated { get; init; }

    public required string TumorTypeMatch { get; init; }

    public required string RuleId { get; init; }

    public required IReadOnlyList<CitationDto> Citations { get; init; }

    public required string Rationale { get; init; }

    public IReadOnlyList<string> Caveats { get; init; } = [];

    /// <summary>True when resistance evidence in this patient speaks against this therapy, or this resistance finding against a sensitivity claim (listed in <c>conflicts</c>).</summary>
    public bool InConflict { get; init; }

    /// <summary>
    /// For a sensitive finding: the resistance findings of this patient against it, as <c>ruleId @ alterationKey</c>
    /// (acquired resistance, a conflict). The finding is listed right after the first of them, never above it.
    /// </summary>
    public IReadOnlyList<string> ResistedBy { get; init; } = [];

    public IReadOnlyList<string> Trace { get; init; } = [];

    /// <summary>Drug classes the therapy is given with (<c>chemotherapy</c>); empty when the drugs are the whole therapy.</summary>
    public IReadOnlyList<string> With { get; init; } = [];

    /// <summary>Line-of-therapy preconditions and whether the recorded therapies meet them.</summary>
    public IReadOnlyList<PreconditionDto> Preconditions { get; init; } = [];

    /// <summary>histology-assumed, possible-clonal-haematopoiesis, germline-referral, precondition-not-met, precondition-unknown.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    public ReviewStateDto Review { get; init; } = new("pending");

    /// <summary>Which layer made the finding: always <c>curated</c> here (CIViC findings are in <c>civicFindings</c>).</summary>
    public string Source { get; init; } = "curated";

    /// <summary>CIViC evidence items that say the same (therapy, effect, alteration); the level stays the curated one.</summary>
    public IReadOnlyList<CivicEvidenceDto> CivicCorroboration { get; init; } = [];

    /// <summary>CIViC evidence items that say the opposite; shown as a conflict, the curated finding stands.</summary>
    public IReadOnlyList<CivicEvidenceDto> CivicConflicts { get; init; } = [];
}

/// <summary>A precondition of a recommendation (e.g. "after imatinib") with status met, not met or unknown.</summary>
public sealed record PreconditionDto(string Requirement, string Status);

public sealed record TrialCriterionDto(string Criterion, string Result, string? Detail);

public sealed record TrialRecommendationDto
{
    public required Guid RecommendationId { get; init; }

    public required string TrialId { get; init; }

    /// <summary>
    /// The version of the trial this arm was evaluated against: the trial file's version for a shipped trial, the stored
    /// version number for an imported CTML trial (<c>GET /api/trials/{trialId}/versions</c>). Null in documents older than it.
    /// </summary>
    public string? TrialVersion { get; init; }

    public required string NctId { get; init; }

    public required string ArmId { get; init; }

    public required string ArmTitle { get; init; }

    public required IReadOnlyList<string> Drugs { get; init; }

    public required string Status { get; init; }

    /// <summary>The arm's accrual status now (open, closed, suspended): a read-time overlay of the coordinators' current setting.</summary>
    public required string ArmStatus { get; init; }

    /// <summary>The arm's accrual status the evaluation was computed against (stored; joined in as a separate field at read time).</summary>
    public string? ArmStatusAtEvaluation { get; init; }

    public required IReadOnlyList<TrialCriterionDto> Criteria { get; init; }

    /// <summary>The arm's own NCT id when registered apart from the trial (NCI-MATCH sub-protocols).</summary>
    public string? ArmNctId { get; init; }

    public string? LevelOfEvidence { get; init; }

    /// <summary>The trial's assignment rank among the arms the patient fits (1 first), when the trial ranks arms.</summary>
    public int? Rank { get; init; }

    public string? Escat { get; init; }

    /// <summary>
    /// The knowledge base's level (1, 2, 3A, 3B, 4) for the arm's biomarker with one of its drugs in this tumour,
    /// from the rule named in <see cref="BiomarkerLevelRuleId"/>; null when no rule matches. Ranks a patient's arms on one scale.
    /// </summary>
    public string? BiomarkerLevel { get; init; }

    public string? BiomarkerLevelRuleId { get; init; }

    /// <summary>Alterations the arm's selection matched, with the sample each came from.</summary>
    public IReadOnlyList<MatchedAlterationDto> MatchedAlterations { get; init; } = [];

    public IReadOnlyList<CitationDto> Citations { get; init; } = [];

    public ReviewStateDto Review { get; init; } = new("pending");
}

public sealed record MatchedAlterationDto(string Key, string Sample);

public sealed record ConflictDto(IReadOnlyList<string> Drugs, IReadOnlyList<string> SensitiveRuleIds, IReadOnlyList<string> ResistantRuleIds);
