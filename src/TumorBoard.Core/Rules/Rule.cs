using TumorBoard.Core.Rules.Matchers;

namespace TumorBoard.Core.Rules;

/// <summary>
/// One curated assertion: this biomarker, in these tumours, predicts this effect of this therapy (a
/// combination is one therapy) at this level, because of these sources.
/// </summary>
public sealed record Rule
{
    /// <summary>Stable id, unique in the knowledge base (<c>LUNG-EGFR-T790M/osimertinib</c>).</summary>
    public required string Id { get; init; }

    public required BiomarkerMatcher Biomarker { get; init; }

    public required TumorScope Tumor { get; init; }

    /// <summary>Lower-case INN names; several drugs form one combination therapy.</summary>
    public required IReadOnlyList<string> Drugs { get; init; }

    /// <summary>
    /// Drug classes the therapy is given with (<c>chemotherapy</c>): trastuzumab + chemotherapy is a different
    /// claim from trastuzumab alone. Part of the rule id; shown as a caveat.
    /// </summary>
    public IReadOnlyList<string> With { get; init; } = [];

    public required TherapyEffect Effect { get; init; }

    public required EvidenceLevel Level { get; init; }

    /// <summary>ESCAT tier, only when a source assigns it.</summary>
    public EscatAssignment? Escat { get; init; }

    public RuleContext Context { get; init; } = RuleContext.None;

    public required IReadOnlyList<Citation> Citations { get; init; }

    /// <summary>One line saying why the rule holds.</summary>
    public required string Rationale { get; init; }

    /// <summary>Where the rule was curated (<c>rules/lung.json:42</c>), for traces and reviews.</summary>
    public string? Origin { get; init; }
}
