using TumorBoard.Core.Rules;

namespace TumorBoard.Fhir.Output;

/// <summary>The board's decision on a recommendation; null on a finding means not reviewed yet.</summary>
public enum ReviewDecision
{
    Accepted,
    Rejected,
    Modified,
    Deferred,
}

/// <summary>
/// One therapy recommendation of the evaluation: a therapeutic-implication Observation, and a
/// medication-recommendation Task when the board accepted it.
/// </summary>
/// <param name="RecommendationId">The recommendation id; the implication's id.</param>
/// <param name="Drugs">Lower-case INN names; several drugs are one combination.</param>
/// <param name="Effect">Sensitive (LOINC Responsive) or resistant (LOINC Resistant).</param>
/// <param name="Level">The knowledge base's level of evidence (OncoKB scale).</param>
/// <param name="Escat">ESCAT tier (<c>I-A</c>) when the rule carries a sourced one, else null.</param>
/// <param name="AlterationKeys">Keys of the alterations it rests on (<c>EGFR T790M</c>); each must match a variant.</param>
/// <param name="Citations">The rule's sources.</param>
/// <param name="Rationale">The rule's rationale text.</param>
/// <param name="Review">The latest review decision, or null.</param>
public sealed record TherapyFindingInput(
    string RecommendationId,
    IReadOnlyList<string> Drugs,
    TherapyEffect Effect,
    EvidenceLevel Level,
    string? Escat,
    IReadOnlyList<string> AlterationKeys,
    IReadOnlyList<Citation> Citations,
    string? Rationale,
    ReviewDecision? Review)
{
    /// <summary><c>curated</c>, or <c>civic</c> for a finding of the CIViC layer (tagged as such in the output; never reviewed).</summary>
    public string Source { get; init; } = "curated";

    /// <summary>CIViC's own level (A or B) of a CIViC finding; <see cref="Level"/> is then TumorBoard's derived level.</summary>
    public string? CivicLevel { get; init; }

    /// <summary>The CIViC evidence ids (<c>EID1867</c>) behind a CIViC finding.</summary>
    public IReadOnlyList<string> CivicEvidenceIds { get; init; } = [];
}
