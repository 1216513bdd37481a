using TumorBoard.Core.Rules;
using TumorBoard.Core.Trials.Criteria;

namespace TumorBoard.Core.Trials;

/// <summary>
/// One arm (sub-protocol, sub-study, randomised comparison) of a trial. A patient is considered for the arm
/// only when <see cref="Selection"/> holds (the genomic or IHC biomarker the arm is built on, or, for a
/// non-match arm, the absence of a biomarker match) and no <see cref="Population"/> criterion is unmet; every
/// <see cref="Criteria"/> item then decides eligible, potential or ineligible and appears in the trace.
/// </summary>
public sealed record TrialArm
{
    /// <summary>NCI-MATCH letters (<c>Z1E</c>), Lung-MAP sub-study codes (<c>S1400B</c>), SAFIR02 lower-case drug (<c>olaparib</c>).</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>Lower-case INN names (or code names of agents without an INN), the arm's whole regimen.</summary>
    public required IReadOnlyList<string> Drugs { get; init; }

    /// <summary>The status the data file states; coordinators' overrides are passed to the engine separately.</summary>
    public required ArmStatus DefaultStatus { get; init; }

    /// <summary>The arm's own ClinicalTrials.gov id when it has one (NCI-MATCH sub-protocols were registered separately).</summary>
    public string? NctId { get; init; }

    /// <summary>NCI-MATCH level of evidence of the arm's aMOI (<c>1</c>, <c>2</c>, <c>3</c>), only where sourced.</summary>
    public string? LevelOfEvidence { get; init; }

    /// <summary>ESCAT tier of the arm's alteration, only where a source assigns it.</summary>
    public EscatAssignment? Escat { get; init; }

    public required TrialCriterion Selection { get; init; }

    public IReadOnlyList<TrialCriterion> Population { get; init; } = [];

    public IReadOnlyList<TrialCriterion> Criteria { get; init; } = [];

    public required IReadOnlyList<Citation> Citations { get; init; }

    /// <summary>Where the arm was curated (<c>trials/nci-match.json:120</c>).</summary>
    public string? Origin { get; init; }

    /// <summary>
    /// True for a non-match arm: selected by the absence of a biomarker match (Lung-MAP S1400A) or of any
    /// targetable alteration (SAFIR02-Lung immunotherapy).
    /// </summary>
    public bool IsNonMatch => Selection is NoMatchedArmCriterion or NoTargetableAlterationCriterion;
}
