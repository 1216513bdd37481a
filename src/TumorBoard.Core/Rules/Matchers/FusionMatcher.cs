using TumorBoard.Core.Alterations;

namespace TumorBoard.Core.Rules.Matchers;

/// <summary>
/// A fusion involving <paramref name="Gene"/> in either position (EML4::ALK and ALK::EML4 both match an ALK
/// rule; a partner-less "ALK rearrangement" too), optionally only with <paramref name="Partner"/>.
/// </summary>
public sealed record FusionMatcher(string Gene, string? Partner) : AlterationMatcher
{
    public override string IndexKey => Gene;

    public override bool Matches(Alteration alteration) =>
        alteration.Kind == AlterationKind.Fusion
        && Involves(alteration, Gene)
        && (Partner is null || Involves(alteration, Partner));

    public override string Describe() => Partner is null ? $"{Gene} fusion (any partner, either order)" : $"{Gene}/{Partner} fusion (either order)";

    private static bool Involves(Alteration alteration, string gene) =>
        string.Equals(alteration.Gene, gene, StringComparison.Ordinal)
        || (alteration.FusionGenes?.Contains(gene, StringComparer.Ordinal) ?? false);
}
