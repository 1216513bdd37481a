using TumorBoard.Core.Vocabularies;

namespace TumorBoard.KnowledgeBase.Vocabularies;

/// <summary>
/// Reads <c>oncotree-site-histology.tsv</c>: for a site-only OncoTree node (BOWEL), the dominant histology the
/// engines evaluate when a diagnosis names only the site (COADREAD). The histology must lie under the site.
/// </summary>
internal static class SiteHistologyReader
{
    private static readonly string[] Header = ["site", "histology", "reason"];

    public static OncoTree Apply(DataFile file, OncoTree tree, LoadErrors errors)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, fields) in TsvTable.Read(file, Header, errors))
        {
            var (site, histology, reason) = (fields[0].Trim(), fields[1].Trim(), fields[2].Trim());
            if (!tree.IsCurrentCode(site) || !tree.IsCurrentCode(histology))
            {
                errors.Add(file.Name, line, $"'{site}' and '{histology}' must be current OncoTree codes");
            }
            else if (string.Equals(site, histology, StringComparison.OrdinalIgnoreCase) || !tree.IsSelfOrDescendantOf(histology, site))
            {
                errors.Add(file.Name, line, $"{histology} is not below {site}");
            }
            else if (reason.Length == 0)
            {
                errors.Add(file.Name, line, "a reason is required");
            }
            else if (!map.TryAdd(site, histology))
            {
                errors.Add(file.Name, line, $"duplicate site {site}");
            }
        }

        return new OncoTree(tree.Version, tree.Nodes, tree.HistoricalCodes) { DominantHistology = map };
    }
}
