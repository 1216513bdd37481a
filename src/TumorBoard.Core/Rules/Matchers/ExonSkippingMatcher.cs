using TumorBoard.Core.Alterations;

namespace TumorBoard.Core.Rules.Matchers;

/// <summary>
/// An exon-skipping event (MET exon 14 skipping) recognised three ways, because reports often carry no
/// protein change: a splice-site coding change at a listed position (<c>c.3028+1</c> on NM_000245; the
/// next character must not be a digit, so c.3028+10 does not match); a protein-level splice notation
/// (<c>X1010_splice</c>) at a codon within <paramref name="SpliceStart"/>..<paramref name="SpliceEnd"/>;
/// or a lab description containing one of <paramref name="DescriptionTerms"/>.
/// </summary>
public sealed record ExonSkippingMatcher(
    string Gene,
    string Name,
    IReadOnlyList<string> SpliceSites,
    int SpliceStart,
    int SpliceEnd,
    IReadOnlyList<string> DescriptionTerms) : AlterationMatcher
{
    public override string IndexKey => Gene;

    public override bool Matches(Alteration alteration) =>
        MatchesSpliceSite(alteration.CodingChange)
        || (alteration.Protein is { } protein
            && protein.Text.Contains("splice", StringComparison.OrdinalIgnoreCase)
            && protein.StartPosition >= SpliceStart && protein.StartPosition <= SpliceEnd)
        || TextTerms.Contains(alteration.Description, DescriptionTerms);

    public override string Describe() =>
        $"{Gene} {Name} (splice sites {string.Join(", ", SpliceSites)}; splice codons {SpliceStart}-{SpliceEnd}; or described as such)";

    private bool MatchesSpliceSite(string? codingChange)
    {
        if (string.IsNullOrEmpty(codingChange))
        {
            return false;
        }

        foreach (var site in SpliceSites)
        {
            if (codingChange.StartsWith(site, StringComparison.OrdinalIgnoreCase)
                && (codingChange.Length == site.Length || !char.IsAsciiDigit(codingChange[site.Length])))
            {
                return true;
            }
        }

        return false;
    }
}
