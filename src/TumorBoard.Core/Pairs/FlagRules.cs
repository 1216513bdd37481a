using TumorBoard.Core.Alterations;
using TumorBoard.Core.Patients;

namespace TumorBoard.Core.Pairs;

/// <summary>The definitions of the comparison flags; docs/pairs.md states them in words.</summary>
internal static class FlagRules
{
    public static IReadOnlyList<PairFlag> FlagsFor(
        Alteration? inFrom,
        Alteration? inTo,
        FlagContext context,
        ResistanceEvidence resistance,
        PairComparisonOptions options)
    {
        var flags = new List<PairFlag>();
        if (context.Status == PairStatus.Acquired && resistance.IsResistance(inTo!))
        {
            flags.Add(PairFlag.EmergentResistance);
        }

        if (context.GermlineSuspect)
        {
            flags.Add(PairFlag.GermlineSuspect);
        }
        else if (IsSubclonal(inFrom, context.FromClonalReference, options) || IsSubclonal(inTo, context.ToClonalReference, options))
        {
            flags.Add(PairFlag.Subclonal);
        }

        if (IsOnlyInCtdna(inFrom, inTo, context) && options.ClonalHematopoiesisGenes.Contains((inTo ?? inFrom)!.Gene))
        {
            flags.Add(PairFlag.PossibleClonalHematopoiesis);
        }

        if (inFrom is { Interpreted: false } || inTo is { Interpreted: false })
        {
            flags.Add(PairFlag.Uninterpreted);
        }

        return flags;
    }

    /// <summary>
    /// Labelled germline in either report; or seen in both with VAF inside the heterozygous band in both
    /// and labelled somatic in neither.
    /// </summary>
    public static bool IsGermlineSuspect(Alteration? inFrom, Alteration? inTo, PairComparisonOptions options)
    {
        if (inFrom?.Origin == VariantOrigin.Germline || inTo?.Origin == VariantOrigin.Germline)
        {
            return true;
        }

        return inFrom is not null && inTo is not null
            && inFrom.Origin != VariantOrigin.Somatic && inTo.Origin != VariantOrigin.Somatic
            && InGermlineBand(inFrom.Vaf, options) && InGermlineBand(inTo.Vaf, options);
    }

    /// <summary>
    /// The report's clonal reference: the highest VAF among its interpreted SNVs/indels that are neither
    /// labelled nor suspected germline. Null when the report has none.
    /// </summary>
    public static decimal? ClonalReferenceVaf(IEnumerable<Alteration> alterations, IReadOnlySet<string> germlineKeys) =>
        alterations
            .Where(a => IsSmallVariant(a) && a.Interpreted && a.Vaf is not null
                        && a.Origin != VariantOrigin.Germline && !germlineKeys.Contains(a.Key))
            .Max(a => a.Vaf);

    private static bool IsSubclonal(Alteration? alteration, decimal? clonalReference, PairComparisonOptions options) =>
        alteration is { Vaf: { } vaf } && IsSmallVariant(alteration)
        && clonalReference is { } reference && reference > 0m
        && vaf < reference * options.SubclonalFraction;

    private static bool InGermlineBand(decimal? vaf, PairComparisonOptions options) =>
        vaf is { } v && v >= options.GermlineVafLow && v <= options.GermlineVafHigh;

    private static bool IsSmallVariant(Alteration alteration) => alteration.Kind is AlterationKind.Snv or AlterationKind.Indel;

    private static bool IsOnlyInCtdna(Alteration? inFrom, Alteration? inTo, FlagContext context) =>
        (inFrom is null && context.To.Role == SpecimenRole.Ctdna && context.From.Role != SpecimenRole.Ctdna)
        || (inTo is null && context.From.Role == SpecimenRole.Ctdna && context.To.Role != SpecimenRole.Ctdna);
}
