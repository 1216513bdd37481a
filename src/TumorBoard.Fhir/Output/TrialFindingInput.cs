namespace TumorBoard.Fhir.Output;

/// <summary>How a trial arm's criteria came out for the patient.</summary>
public enum TrialEligibility
{
    /// <summary>Every criterion met: SNOMED CT 399223003 "Patient eligible for clinical trial".</summary>
    Eligible,

    /// <summary>The genomic criteria match but others are unknown: stated in text, no SNOMED code claims eligibility.</summary>
    Potential,

    /// <summary>An exclusion fired: left out of the Bundle.</summary>
    Ineligible,
}

/// <summary>One trial-arm finding: a therapeutic-implication Observation naming the NCT id.</summary>
/// <param name="RecommendationId">The recommendation id; the implication's id.</param>
/// <param name="TrialId">The service's trial id (<c>NCI-MATCH</c>).</param>
/// <param name="NctId">ClinicalTrials.gov id (<c>NCT02465060</c>).</param>
/// <param name="ArmId">Arm id (<c>E</c>).</param>
/// <param name="ArmTitle">Arm title.</param>
/// <param name="Drugs">Lower-case INN names of the arm's drugs.</param>
/// <param name="Status">Eligible, potential or ineligible.</param>
/// <param name="AlterationKeys">Keys of the alterations the arm's genomic criteria matched; each must match a variant.</param>
public sealed record TrialFindingInput(
    string RecommendationId,
    string TrialId,
    string NctId,
    string ArmId,
    string? ArmTitle,
    IReadOnlyList<string> Drugs,
    TrialEligibility Status,
    IReadOnlyList<string> AlterationKeys);
