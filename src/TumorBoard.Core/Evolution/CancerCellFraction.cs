using TumorBoard.Core.Alterations;

namespace TumorBoard.Core.Evolution;

/// <summary>
/// Cancer-cell fraction of a small variant from its VAF and the sample's purity: CCF = min(1, 2 x VAF / purity).
/// It assumes a heterozygous mutation at a diploid, copy-neutral locus; a copy-number change at the locus or
/// whole-genome doubling makes it wrong, so it is an estimate for ordering clones, never a call.
/// </summary>
public static class CancerCellFraction
{
    public static decimal? Estimate(Alteration alteration, decimal? purity)
    {
        ArgumentNullException.ThrowIfNull(alteration);
        if (alteration.Kind is not (AlterationKind.Snv or AlterationKind.Indel) || alteration.Vaf is not { } vaf || purity is not ({ } p and > 0m and <= 1m))
        {
            return null;
        }

        return Math.Round(Math.Min(1m, 2m * vaf / p), 2, MidpointRounding.AwayFromZero);
    }
}
