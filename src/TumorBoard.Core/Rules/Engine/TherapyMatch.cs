using TumorBoard.Core.Alterations;

namespace TumorBoard.Core.Rules.Engine;

/// <summary>
/// One fired rule: the fields of the contract's <c>therapies[]</c> item (except recommendationId, sample,
/// emergent and review, which the caller adds) plus the matched alterations, caveats and a trace.
/// </summary>
public sealed record TherapyMatch
{
    public required string RuleId { get; init; }

    public required IReadOnlyList<string> Drugs { get; init; }

    public required TherapyEffect Effect { get; init; }

    public required EvidenceLevel Level { get; init; }

    /// <summary>ESCAT tier when the rule carries a sourced one, else null.</summary>
    public string? Escat { get; init; }

    /// <summary>Gene of the rule's (first) matched condition; <c>TMB</c> or <c>MSI</c> for those biomarkers.</summary>
    public required string Gene { get; init; }

    /// <summary>Protein change or call text of the matched alteration(s): <c>T790M</c>, <c>amplification</c>, <c>EML4::ALK</c>.</summary>
    public required string Alteration { get; init; }

    /// <summary>Key of the first matched alteration (<c>EGFR T790M</c>).</summary>
    public required string AlterationKey { get; init; }

    /// <summary>The patient's alteration instances the rule matched, so the caller can attribute the sample.</summary>
    public required IReadOnlyList<Alteration> MatchedAlterations { get; init; }

    public required TumorTypeMatch TumorTypeMatch { get; init; }

    public required IReadOnlyList<Citation> Citations { get; init; }

    public required string Rationale { get; init; }

    /// <summary>Why the rule fired, step by step.</summary>
    public required IReadOnlyList<TraceStep> Trace { get; init; }

    /// <summary>Requirements the patient's record could not confirm (e.g. HR status not provided); the board must check them.</summary>
    public IReadOnlyList<string> Caveats { get; init; } = [];

    /// <summary>Drug classes given with the drugs (<c>chemotherapy</c>); empty when the drugs are the whole therapy.</summary>
    public IReadOnlyList<string> With { get; init; } = [];

    /// <summary>Line-of-therapy preconditions and whether the recorded therapies meet them (met / not met / unknown).</summary>
    public IReadOnlyList<Precondition> Preconditions { get; init; } = [];

    /// <summary>
    /// Machine-readable flags for the board (additive): <c>histology-assumed</c>, <c>possible-clonal-haematopoiesis</c>,
    /// <c>precondition-not-met</c>, <c>precondition-unknown</c>. Each has a caveat in words.
    /// </summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>True when another fired rule predicts the opposite effect for the same therapy (see <see cref="RuleEvaluation.Conflicts"/>).</summary>
    public bool InConflict { get; init; }
}
