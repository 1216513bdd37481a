using TumorBoard.Core.Alterations;
using TumorBoard.Core.Patients;
using TumorBoard.Core.Rules;

namespace TumorBoard.Core.Trials.Evaluation;

/// <summary>How one criterion stands for the patient; serialised lower-case (<c>met</c>, <c>unmet</c>, <c>unknown</c>).</summary>
public enum CriterionOutcome
{
    Met,
    Unmet,
    Unknown,
}

/// <summary>Lower-case text of the trial results' enums, as traces and recommendations write them.</summary>
public static class TrialResultCodes
{
    /// <summary>The outcome's name in lower case (<c>met</c>, <c>unmet</c>, <c>unknown</c>) without making a new string each time:
    /// every and/or criterion of every arm considered writes one per part.</summary>
    public static string Code(this CriterionOutcome outcome) => outcome switch
    {
        CriterionOutcome.Met => "met",
        CriterionOutcome.Unmet => "unmet",
        CriterionOutcome.Unknown => "unknown",
        _ => outcome.ToString().ToLowerInvariant(),
    };
}

/// <summary>
/// The patient's standing for an arm; serialised lower-case. Eligible: every criterion met. Potential: none
/// unmet, some unknown. Ineligible: an exclusion (or another requirement) is unmet after the selection matched.
/// </summary>
public enum EligibilityStatus
{
    Eligible,
    Potential,
    Ineligible,
}

/// <summary>One line of the contract's <c>criteria</c> trace: the criterion in words, its outcome and why.</summary>
public sealed record CriterionResult(string Criterion, CriterionOutcome Result, string Detail);

/// <summary>A patient alteration the arm's selection matched, with the sample it was found in.</summary>
public sealed record MatchedAlteration(Alteration Alteration, string ReportId, SpecimenRole Role);

/// <summary>
/// One arm the patient was considered for: the fields of the contract's <c>trials[]</c> item (except
/// recommendationId, which the caller assigns) plus the rank, level of evidence, ESCAT tier, citations and the
/// alterations the selection matched.
/// </summary>
public sealed record ArmMatch
{
    public required string TrialId { get; init; }

    /// <summary>The trial's primary ClinicalTrials.gov id (the contract's <c>nctId</c>).</summary>
    public required string NctId { get; init; }

    /// <summary>The arm's own ClinicalTrials.gov id when registered separately (NCI-MATCH sub-protocols), else null.</summary>
    public string? ArmNctId { get; init; }

    public required string TrialVersion { get; init; }

    public required string ArmId { get; init; }

    public required string ArmTitle { get; init; }

    public required IReadOnlyList<string> Drugs { get; init; }

    public required EligibilityStatus Status { get; init; }

    /// <summary>The arm's current status: the coordinator's override when given, else the file's default.</summary>
    public required ArmStatus ArmStatus { get; init; }

    /// <summary>NCI-MATCH level of evidence of the arm's aMOI, where sourced.</summary>
    public string? LevelOfEvidence { get; init; }

    /// <summary>1 = the arm the trial's assignment rule would pick first among those the patient fits; null when the trial or arm has no rank.</summary>
    public int? Rank { get; init; }

    public string? Escat { get; init; }

    /// <summary>
    /// The knowledge base's best level (<c>1</c>, <c>2</c>, <c>3A</c>...) for the arm's biomarker with one of the
    /// arm's drugs in this tumour, from the rules that fired on the alteration the arm selected; null when no rule
    /// matches. Lets a coordinator rank a patient's arms on one scale.
    /// </summary>
    public string? BiomarkerLevel { get; init; }

    /// <summary>The rule that gave <see cref="BiomarkerLevel"/>.</summary>
    public string? BiomarkerLevelRuleId { get; init; }

    public required IReadOnlyList<CriterionResult> Criteria { get; init; }

    public required IReadOnlyList<MatchedAlteration> MatchedAlterations { get; init; }

    public required IReadOnlyList<Citation> Citations { get; init; }
}

/// <summary>The engine's answer for one patient: every arm considered, in catalog order, and warnings.</summary>
public sealed record TrialEvaluation(string CatalogVersion, string CatalogHash, IReadOnlyList<ArmMatch> Arms, IReadOnlyList<string> Warnings);

/// <summary>Identifies an arm across trials, for status overrides.</summary>
public readonly record struct ArmKey(string TrialId, string ArmId);
