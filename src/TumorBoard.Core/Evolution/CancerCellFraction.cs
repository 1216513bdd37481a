using TumorBoard.Core.Alterations;

namespace TumorBoard.Core.Evolution;

/// <summary>
/// Cancer-cell fraction of a small variant from its VAF and the sample's purity: CCF = min(1, 2 x VAF / purity).
/// It assumes a heterozygous mutation at a diploid, copy-neutral locus; a copy-number change at the locus or
/// whole-genome doubling makes it wrong, so it is an estimate for ordering clones, never a call.
/// </summary>
public static class CancerCellFraction
{
    /// <summary>The formula as the API and docs state it.</summary>
    public const string Formula = "CCF = min(1, 2 x VAF / purity), rounded to two decimals; SNVs and indels with a VAF only";

    /// <summary>Why it is an estimate, as the API states it (docs/evolution.md).</summary>
    public const string Caveat = "assumes a heterozygous mutation at a diploid, copy-number-neutral locus in a diploid tumour; a copy-number change, loss of heterozygosity or whole-genome doubling makes it wrong; for ordering clones, never a clonality call";

    /// <summary>What a sample without a reported purity says instead of a CCF.</summary>
    public const string NoPurity = "not estimated: the report gives no tumour purity for this specimen (LOINC 93356-4 or SNOMED CT 371510003)";

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
