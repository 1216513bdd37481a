using TumorBoard.Core.Vocabularies;

namespace TumorBoard.Fhir.Output;

/// <summary>Builds <see cref="RecommendationReportInput.HgncIds"/> from the vocabulary for the variants' genes.</summary>
public static class GeneIds
{
    public static IReadOnlyDictionary<string, string> For(IEnumerable<ReportedVariant> variants, GeneSymbols genes)
    {
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(genes);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var symbol in variants.SelectMany(v => GenesOf(v.Alteration)))
        {
            if (!ids.ContainsKey(symbol) && genes.HgncId(symbol) is { } id)
            {
                ids[symbol] = id;
            }
        }

        return ids;
    }

    /// <summary>The genes a Variant names: both partners of a fusion, else the gene (none for TMB/MSI).</summary>
    internal static IEnumerable<string> GenesOf(Core.Alterations.Alteration alteration) =>
        (alteration.FusionGenes is { Count: > 0 } partners ? partners : [alteration.Gene]).Where(g => g.Length > 0);
}
