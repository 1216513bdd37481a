using TumorBoard.Core.Alterations;

namespace TumorBoard.Core.Rules.Matchers;

/// <summary>
/// Loss of function of a tumour suppressor: truncating changes (nonsense, frameshift; a frameshift that
/// starts at the stop codon is an extension, not a truncation), optionally canonical splice-site changes
/// (c.N+1/+2, c.N-1/-2) and homozygous (deep) deletion, plus curated pathogenic changes; minus explicit
/// exclusions such as the benign BRCA2 K3326*. A shallow single-copy loss never counts.
/// </summary>
public sealed record LossOfFunctionMatcher(
    string Gene,
    bool IncludeDeepDeletion,
    bool IncludeSpliceSite,
    IReadOnlyList<string> AdditionalChanges,
    IReadOnlyList<string> ExcludedChanges) : AlterationMatcher
{
    public override string IndexKey => Gene;

    public override bool Matches(Alteration alteration)
    {
        if (alteration.Protein is { } protein)
        {
            if (ExcludedChanges.Contains(protein.Text, StringComparer.OrdinalIgnoreCase))
            {
                return false;
            }

            if ((protein.IsTruncating && protein.StartResidue != '*')
                || AdditionalChanges.Contains(protein.Text, StringComparer.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        if (IncludeDeepDeletion && CopyNumberCalls.IsDeepDeletion(alteration))
        {
            return true;
        }

        return IncludeSpliceSite && alteration.Protein is null or { Kind: ProteinChangeKind.Other }
            && CanonicalSpliceSite.Is(alteration.CodingChange);
    }

    public override string Describe()
    {
        var parts = new List<string> { "truncating" };
        if (IncludeSpliceSite)
        {
            parts.Add("canonical splice-site");
        }

        if (IncludeDeepDeletion)
        {
            parts.Add("homozygous deletion");
        }

        if (AdditionalChanges.Count > 0)
        {
            parts.Add(string.Join("/", AdditionalChanges));
        }

        var text = $"{Gene} loss of function ({string.Join(", ", parts)})";
        return ExcludedChanges.Count > 0 ? $"{text}, except {string.Join(", ", ExcludedChanges)}" : text;
    }
}
