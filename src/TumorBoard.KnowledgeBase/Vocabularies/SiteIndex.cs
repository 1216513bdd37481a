using TumorBoard.Core.Vocabularies;
using TumorBoard.KnowledgeBase.Json;

namespace TumorBoard.KnowledgeBase.Vocabularies;

/// <summary>
/// The ICD-O-3 topography entries of the crosswalk, used to check that anything declaring a topography maps
/// inside that site's OncoTree node (a C34 rule must give a LUNG descendant), so no rule is dead or contradictory.
/// </summary>
internal sealed class SiteIndex(IEnumerable<TumorCodeMapping> icdO3Sites)
{
    private readonly Dictionary<string, string> _nodeByTopography = icdO3Sites.ToDictionary(
        s => TumorCodes.NormalizeTopography(s.Code), s => s.OncotreeCode, StringComparer.Ordinal);

    public void CheckInside(NodeReader reader, LineObject entry, string topography, string oncotreeCode, OncoTree tree)
    {
        var site = SiteOf(TumorCodes.NormalizeTopography(topography));
        if (site is null)
        {
            reader.Error(entry.Line, $"topography {topography} has no ICD-O-3 topography entry in 'codes'");
        }
        else if (!tree.IsSelfOrDescendantOf(oncotreeCode, site))
        {
            reader.Error(entry.Line, $"{oncotreeCode} is not inside {site}, the OncoTree node of topography {topography}");
        }
    }

    private string? SiteOf(string topography)
    {
        for (var candidate = topography; candidate.Length >= 3; candidate = candidate[..^1])
        {
            if (_nodeByTopography.TryGetValue(candidate, out var node))
            {
                return node;
            }
        }

        return null;
    }
}
