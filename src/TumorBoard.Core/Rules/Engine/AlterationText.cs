using System.Globalization;
using TumorBoard.Core.Alterations;

namespace TumorBoard.Core.Rules.Engine;

/// <summary>The contract's <c>alteration</c> text for a matched alteration: protein change, call, fusion or value.</summary>
internal static class AlterationText
{
    public static string Of(IReadOnlyList<Alteration> alterations) =>
        alterations.Count == 1 ? Of(alterations[0]) : string.Join(", ", alterations.Select(Of));

    public static string Of(Alteration alteration)
    {
        if (alteration.Protein is { } protein)
        {
            return protein.Text;
        }

        return alteration.Kind switch
        {
            AlterationKind.Fusion when alteration.FusionGenes is { Count: > 0 } genes => string.Join("::", genes),
            AlterationKind.Cna when alteration.CnaCall is { } call => call.ToString().ToLowerInvariant(),
            AlterationKind.Cna when alteration.CopyNumber is { } copies => $"copy number {copies.ToString(CultureInfo.InvariantCulture)}",
            AlterationKind.Tmb when alteration.Value is { } tmb => $"TMB {tmb.ToString(CultureInfo.InvariantCulture)} mut/Mb",
            _ => alteration.CodingChange ?? alteration.Key,
        };
    }
}
