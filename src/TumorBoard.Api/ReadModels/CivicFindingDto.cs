namespace TumorBoard.Api.ReadModels;

/// <summary>A CIViC evidence item as shown with a finding: <c>EID1867</c>, CIViC level A or B, its disease and address.</summary>
public sealed record CivicEvidenceDto(string EvidenceId, string Level, string Significance, string Disease, string Url);

/// <summary>
/// A finding of the CIViC layer (additive <c>civicFindings</c> of an evaluation), shown apart from the curated
/// <c>therapies</c> and never merged with them. <c>level</c> is TumorBoard's level derived from CIViC's (3A for
/// sensitivity, R2 for resistance; never 1 or 2); <c>civicLevel</c> is CIViC's own. Not reviewed or signed off:
/// a board acts on it by curating a rule.
/// </summary>
public sealed record CivicFindingDto
{
    /// <summary>Always <c>civic</c>.</summary>
    public string Source { get; init; } = "civic";

    public required IReadOnlyList<string> Drugs { get; init; }

    public required string Effect { get; init; }

    public required string Level { get; init; }

    public required string CivicLevel { get; init; }

    public required string Gene { get; init; }

    public required string Alteration { get; init; }

    public required string AlterationKey { get; init; }

    /// <summary>primary, metastasis, both, ctdna or unknown, as for curated findings.</summary>
    public required string Sample { get; init; }

    public required string TumorTypeMatch { get; init; }

    public required IReadOnlyList<CivicEvidenceDto> Evidence { get; init; }

    /// <summary>Curated rules this finding contradicts (same therapy and alteration, opposite effect). The curated finding stands.</summary>
    public IReadOnlyList<string> ConflictsWith { get; init; } = [];

    public IReadOnlyList<string> RuleIds { get; init; } = [];

    public IReadOnlyList<CitationDto> Citations { get; init; } = [];

    public IReadOnlyList<string> Caveats { get; init; } = [];

    public IReadOnlyList<string> Flags { get; init; } = [];
}
