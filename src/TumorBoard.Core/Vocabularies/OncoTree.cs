using TumorBoard.Core.Patients;

namespace TumorBoard.Core.Vocabularies;

/// <summary>
/// The OncoTree hierarchy: lookup by code (current, historical or documented alias) and ancestry tests, which
/// tumour-scoped rules need (a rule for NSCLC applies to LUAD). Liquid tumours are the MYELOID and LYMPH
/// tissues; everything else is solid (names changed across releases, tissue codes did not).
/// </summary>
public sealed class OncoTree
{
    private const int MaxDepth = 16;

    private static readonly HashSet<string> LiquidTissues = new(StringComparer.Ordinal) { "MYELOID", "LYMPH" };

    private readonly Dictionary<string, OncoTreeNode> _byCode;
    private readonly Dictionary<string, string> _currentByHistoricalCode;

    /// <param name="version">Release identifier, e.g. <c>oncotree_2025_10_03</c>.</param>
    /// <param name="nodes">Every node of the release (the root <c>TISSUE</c> excluded).</param>
    /// <param name="currentByHistoricalCode">Codes of earlier releases (and documented aliases) to the current code.</param>
    public OncoTree(string version, IEnumerable<OncoTreeNode> nodes, IReadOnlyDictionary<string, string>? currentByHistoricalCode = null)
    {
        Version = version;
        _byCode = nodes.ToDictionary(n => n.Code, StringComparer.OrdinalIgnoreCase);
        _currentByHistoricalCode = currentByHistoricalCode is null
            ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>(currentByHistoricalCode, StringComparer.OrdinalIgnoreCase);
    }

    public string Version { get; }

    /// <summary>Codes of earlier releases and documented aliases, to the current code.</summary>
    public IReadOnlyDictionary<string, string> HistoricalCodes => _currentByHistoricalCode;

    /// <summary>
    /// Site-only nodes (BOWEL, BREAST, LUNG, PROSTATE, PANCREAS) to the dominant histology evaluated when a
    /// diagnosis names only the site (C18.7 gives BOWEL; rules run as COADREAD with a caveat, and every
    /// exclusion of a type under the site applies). Curated data, see docs/vocabularies.md.
    /// </summary>
    public IReadOnlyDictionary<string, string> DominantHistology { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public int Count => _byCode.Count;

    /// <summary>Every node of the release, in no particular order.</summary>
    public IReadOnlyCollection<OncoTreeNode> Nodes => _byCode.Values;

    /// <summary>The node for a current code, or the node a historical code or alias now maps to; null when unknown.</summary>
    public OncoTreeNode? Find(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var trimmed = code.Trim();
        if (_byCode.TryGetValue(trimmed, out var node))
        {
            return node;
        }

        return _currentByHistoricalCode.TryGetValue(trimmed, out var current) && _byCode.TryGetValue(current, out var renamed)
            ? renamed
            : null;
    }

    /// <summary>True when the code is a current code of this release (not a historical code or alias).</summary>
    public bool IsCurrentCode(string? code) => !string.IsNullOrWhiteSpace(code) && _byCode.ContainsKey(code.Trim());

    public TumorType? TumorTypeOf(string? code) => Find(code) is { } node ? new TumorType(node.Code, node.Name) : null;

    /// <summary>The node and its ancestors, nearest first, up to (and including) the tissue.</summary>
    public IReadOnlyList<string> Lineage(string code)
    {
        var lineage = new List<string>();
        var node = Find(code);
        while (node is not null && lineage.Count < MaxDepth)
        {
            lineage.Add(node.Code);
            node = node.Parent is null ? null : Find(node.Parent);
        }

        return lineage;
    }

    public bool IsSelfOrDescendantOf(string code, string ancestorCode)
    {
        var ancestor = Find(ancestorCode);
        return ancestor is not null && Lineage(code).Contains(ancestor.Code, StringComparer.Ordinal);
    }

    /// <summary>True for a known code outside the MYELOID and LYMPH tissues; false for liquid or unknown codes.</summary>
    public bool IsSolid(string code) => Find(code) is { } node && !LiquidTissues.Contains(node.Tissue);

    /// <summary>True for a known code in the MYELOID or LYMPH tissue; false for solid or unknown codes.</summary>
    public bool IsLiquid(string code) => Find(code) is { } node && LiquidTissues.Contains(node.Tissue);
}
