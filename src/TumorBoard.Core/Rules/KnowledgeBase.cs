namespace TumorBoard.Core.Rules;

/// <summary>A source the knowledge base draws on, with its licence (CIViC CC0, OncoTree CC BY 4.0 …).</summary>
public sealed record KnowledgeSource(string Id, string Name, string? Url, string? License, string? Note);

/// <summary>
/// A loaded, validated knowledge base: a curated version, the SHA-256 of its data files (so an
/// evaluation points at exactly what it used), its rules, sources and named drug classes.
/// </summary>
public sealed record KnowledgeBase
{
    public required string Version { get; init; }

    /// <summary>Lower-case hex SHA-256 over the data files, in path order.</summary>
    public required string ContentHash { get; init; }

    public required IReadOnlyList<Rule> Rules { get; init; }

    public required IReadOnlyList<KnowledgeSource> Sources { get; init; }

    /// <summary>Drug class (e.g. <c>endocrine-therapy</c>) to its lower-case INN members, from the drug vocabulary; used by prior-therapy context.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> DrugClasses { get; init; }

    /// <summary>Genes whose plasma-only findings carry a possible clonal-haematopoiesis caveat.</summary>
    public ClonalHaematopoiesisGenes ClonalHaematopoiesis { get; init; } = ClonalHaematopoiesisGenes.None;

    /// <summary>When a tumour-only finding raises a "consider germline testing" flag.</summary>
    public GermlineReferralRule GermlineReferral { get; init; } = GermlineReferralRule.None;

    /// <summary>Which resistance alterations rising in blood flag molecular progression, and the plasma limit of detection.</summary>
    public Evolution.MolecularProgressionRules MolecularProgression { get; init; } = Evolution.MolecularProgressionRules.None;
}
