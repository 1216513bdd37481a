using TumorBoard.Core.Alterations;

namespace TumorBoard.Core.Rules.Matchers;

/// <summary>
/// Any protein-altering mutation of a gene (CTML's <c>hugo_symbol</c> + <c>variant_category: Mutation</c>): a
/// parsed protein change of one of <paramref name="Kinds"/>, except changes at <paramref name="ExcludedPositions"/>
/// (BRAF non-V600 = BRAF missense except codon 600). Copy-number changes and fusions never match; a change the
/// parser could not classify does not either, because "any mutation" must not fire on an unreadable notation.
/// </summary>
public sealed record GeneMutationMatcher(string Gene, IReadOnlyList<ProteinChangeKind> Kinds, IReadOnlyList<int> ExcludedPositions) : AlterationMatcher
{
    /// <summary>Protein-altering consequence classes used when a data file names none.</summary>
    public static readonly IReadOnlyList<ProteinChangeKind> ProteinAltering =
    [
        ProteinChangeKind.Missense, ProteinChangeKind.Nonsense, ProteinChangeKind.Frameshift, ProteinChangeKind.InframeDeletion,
        ProteinChangeKind.InframeInsertion, ProteinChangeKind.Delins, ProteinChangeKind.Duplication, ProteinChangeKind.StartLoss,
        ProteinChangeKind.StopLoss,
    ];

    public override string IndexKey => Gene;

    public override bool Matches(Alteration alteration) =>
        alteration.Kind is AlterationKind.Snv or AlterationKind.Indel
        && alteration.Protein is { } protein
        && Kinds.Contains(protein.Kind)
        && !ExcludedPositions.Any(p => p >= protein.StartPosition && p <= protein.EndPosition);

    public override string Describe()
    {
        var kinds = Kinds.Count == ProteinAltering.Count && ProteinAltering.All(Kinds.Contains)
            ? "any protein-altering"
            : string.Join("/", Kinds.Select(k => k.ToString().ToLowerInvariant()));
        return ExcludedPositions.Count == 0
            ? $"{Gene} mutation ({kinds})"
            : $"{Gene} mutation ({kinds}, except codon {string.Join("/", ExcludedPositions)})";
    }
}
