using TumorBoard.Core.Alterations;
using TumorBoard.Core.Rules.Engine;

namespace TumorBoard.Core.Rules.Civic;

/// <summary>
/// A CIViC-layer finding for one patient: one therapy, one effect and one matched alteration, with every CIViC
/// evidence item that says so. Shown apart from curated findings, labelled <c>source: civic</c>.
/// </summary>
public sealed record CivicFinding
{
    public required IReadOnlyList<string> Drugs { get; init; }

    public required TherapyEffect Effect { get; init; }

    /// <summary>TumorBoard level derived from CIViC's (sensitivity 3A, resistance R2; never 1 or 2, see docs/knowledge-base.md).</summary>
    public required EvidenceLevel Level { get; init; }

    /// <summary>The best CIViC level among the evidence items (<c>A</c> before <c>B</c>).</summary>
    public required string CivicLevel { get; init; }

    public required string Gene { get; init; }

    public required string Alteration { get; init; }

    public required string AlterationKey { get; init; }

    public required IReadOnlyList<Alteration> MatchedAlterations { get; init; }

    public required TumorTypeMatch TumorTypeMatch { get; init; }

    /// <summary>The evidence items, level A first, then by evidence id.</summary>
    public required IReadOnlyList<CivicEvidence> Evidence { get; init; }

    /// <summary>The imported rules that fired, one per evidence item and therapy.</summary>
    public required IReadOnlyList<string> RuleIds { get; init; }

    /// <summary>Curated rules that predict the opposite effect of the same therapy for the same alteration: a visible conflict; the curated finding stands.</summary>
    public IReadOnlyList<string> ConflictsWith { get; init; } = [];

    public IReadOnlyList<string> Caveats { get; init; } = [];

    public IReadOnlyList<string> Flags { get; init; } = [];

    public IReadOnlyList<Citation> Citations { get; init; } = [];
}

/// <summary>CIViC evidence items that say what a curated finding says (same therapy, effect and alteration).</summary>
/// <param name="RuleId">The curated rule.</param>
/// <param name="AlterationKey">The alteration the curated rule matched.</param>
/// <param name="Evidence">The corroborating CIViC items.</param>
public sealed record CivicCorroboration(string RuleId, string AlterationKey, IReadOnlyList<CivicEvidence> Evidence);

/// <summary>A CIViC finding that contradicts a curated one: shown, never overriding it.</summary>
public sealed record CivicConflict(string CuratedRuleId, string AlterationKey, IReadOnlyList<string> Drugs, TherapyEffect CuratedEffect, IReadOnlyList<CivicEvidence> Evidence);

/// <summary>The CIViC layer's answer for one patient, next to the curated evaluation.</summary>
public sealed record CivicEvaluation
{
    public static readonly CivicEvaluation Empty = new() { Version = null, Findings = [], Corroborations = [], Conflicts = [] };

    /// <summary>The CIViC snapshot version evaluated; null when the layer is disabled.</summary>
    public required string? Version { get; init; }

    /// <summary>Findings the curated layer does not make (new, or in conflict with a curated finding).</summary>
    public required IReadOnlyList<CivicFinding> Findings { get; init; }

    public required IReadOnlyList<CivicCorroboration> Corroborations { get; init; }

    public required IReadOnlyList<CivicConflict> Conflicts { get; init; }
}
