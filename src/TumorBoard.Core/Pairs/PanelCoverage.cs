using TumorBoard.Core.Alterations;

namespace TumorBoard.Core.Pairs;

/// <summary>
/// Decides whether a report could have seen an alteration, so that absence is only called absence when the
/// report actually looked. Build one per report (<see cref="For"/>) when asking about many alterations.
/// </summary>
public sealed class PanelCoverage
{
    private readonly HashSet<string>? _panel;
    private readonly HashSet<AlterationKind> _measuredBiomarkers;

    private PanelCoverage(ReportSnapshot report)
    {
        _panel = report.PanelGenes is null ? null : new HashSet<string>(report.PanelGenes, StringComparer.OrdinalIgnoreCase);
        _measuredBiomarkers = report.Alterations.Select(a => a.Kind).Where(k => k is AlterationKind.Tmb or AlterationKind.Msi).ToHashSet();
    }

    public static PanelCoverage For(ReportSnapshot report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(report);
    }

    /// <summary>Shorthand for one question about one report.</summary>
    public static bool Tests(ReportSnapshot report, Alteration alteration) => For(report).Tests(alteration);

    /// <summary>
    /// True when the report tested for <paramref name="alteration"/>:
    /// <list type="bullet">
    /// <item>TMB and MSI are whole-sample measurements: tested when the report carries a measurement of the same kind.</item>
    /// <item>Otherwise, a report without a declared panel is taken as having tested everything (the contract's rule).</item>
    /// <item>With a declared panel, the gene must be on it; a fusion counts as tested when either partner is on it,
    /// because panels usually target one partner (ALK, ROS1, RET) and detect any fusion of it.</item>
    /// </list>
    /// </summary>
    public bool Tests(Alteration alteration)
    {
        ArgumentNullException.ThrowIfNull(alteration);
        if (alteration.Kind is AlterationKind.Tmb or AlterationKind.Msi)
        {
            return _measuredBiomarkers.Contains(alteration.Kind);
        }

        if (_panel is null || _panel.Contains(alteration.Gene))
        {
            return true;
        }

        return alteration.FusionGenes is { } partners && partners.Any(_panel.Contains);
    }
}
