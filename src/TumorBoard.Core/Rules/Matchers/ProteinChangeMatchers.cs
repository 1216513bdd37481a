using TumorBoard.Core.Alterations;

namespace TumorBoard.Core.Rules.Matchers;

/// <summary>One exact protein change in canonical one-letter form (<c>EGFR T790M</c>, <c>BRAF V600E</c>).</summary>
public sealed record ExactProteinChangeMatcher(string Gene, string Change) : AlterationMatcher
{
    public override string IndexKey => Gene;

    public override bool Matches(Alteration alteration) =>
        alteration.Protein is { } protein && string.Equals(protein.Text, Change, StringComparison.OrdinalIgnoreCase);

    public override string Describe() => $"{Gene} {Change}";
}

/// <summary>
/// A named list of exact protein changes, e.g. the PIK3CA companion-diagnostic hotspots; the list's
/// <paramref name="Name"/> appears in traces so a reader knows which curated list matched.
/// </summary>
public sealed record VariantListMatcher(string Gene, string Name, IReadOnlyList<string> Changes) : AlterationMatcher
{
    private readonly HashSet<string> _changes = new(Changes, StringComparer.OrdinalIgnoreCase);

    public override string IndexKey => Gene;

    public override bool Matches(Alteration alteration) =>
        alteration.Protein is { } protein && _changes.Contains(protein.Text);

    public override string Describe() => $"{Gene} {Name} ({string.Join(", ", Changes)})";
}

/// <summary>
/// Any missense change at one codon whose reference residue agrees (<c>BRAF V600</c> matches V600E/K/R…;
/// A600E matches nothing, a sign of a transcript mismatch), minus excluded alternate residues.
/// </summary>
public sealed record PositionalMatcher(string Gene, char Residue, int Position, IReadOnlyList<char> ExcludedAlternates) : AlterationMatcher
{
    public override string IndexKey => Gene;

    public override bool Matches(Alteration alteration) =>
        alteration.Protein is { Kind: ProteinChangeKind.Missense } protein
        && protein.StartPosition == Position
        && protein.StartResidue == Residue
        && !(protein.Alternate is { Length: 1 } alternate && ExcludedAlternates.Contains(alternate[0]));

    public override string Describe() => ExcludedAlternates.Count == 0
        ? $"{Gene} {Residue}{Position} (any missense)"
        : $"{Gene} {Residue}{Position} (any missense except {string.Join("/", ExcludedAlternates.Select(a => $"{Residue}{Position}{a}"))})";
}
