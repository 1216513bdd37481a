using TumorBoard.Core.Alterations;

namespace TumorBoard.Core.Pairs;

/// <summary>
/// Decides whether a report could have seen an alteration, so that absence is only called
/// absence when the report actually looked.
/// </summary>
public static class PanelCoverage
{
    /// <summary>
    /// True when <paramref name="report"/> tested for <paramref name="alteration"/>:
    /// <list type="bullet">
    /// <item>TMB and MSI are whole-sample measurements: tested when the report carries a measurement of the same kind.</item>
    /// <item>Otherwise, a report without a declared panel is taken as having tested everything (the contract's rule).</item>
    /// <item>With a declared panel, the gene must be on it; a fusion counts as tested when either partner is on it,
    /// because panels usually target one partner (ALK, ROS1, RET) and detect any fusion of it.</item>
    /// </list>
    /// </summary>
    public static bool Tests(ReportSnapshot report, Alteration alteration)
    {
        if (alteration.Kind is AlterationKind.Tmb or AlterationKind.Msi)
        {
            return report.Alterations.Any(a => a.Kind == alteration.Kind);
        }

        if (report.PanelGenes is null)
        {
            return true;
        }

        var panel = new HashSet<string>(report.PanelGenes, StringComparer.OrdinalIgnoreCase);
        if (panel.Contains(alteration.Gene))
        {
            return true;
        }

        return alteration.FusionGenes is { } partners && partners.Any(panel.Contains);
    }
}
