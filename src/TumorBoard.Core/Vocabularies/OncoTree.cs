using TumorBoard.Core.Patients;

namespace TumorBoard.Core.Vocabularies;

/// <summary>
/// The OncoTree hierarchy: lookup by code (current or historical) and ancestry tests, which
/// tumour-scoped rules need (a rule for NSCLC applies to LUAD). Liquid tumours are the MYELOID and
/// LYMPH tissues; everything else is solid (names changed across releases, tissue codes did not).
/// </summary>
public sealed class OncoTree
{
    private static readonly HashSet<string> LiquidTissues = new(StringComparer.Ordinal) { "MYELOID", "LYMPH" };

    private readonly Dictionary<string, OncoTreeNode> _byCode;
    private readonly Dictionary<string, string> _currentByHistoricalCode;

    public OncoTree(string version, IEnumerable<OncoTreeNode> nodes, IReadOnlyDictionary<string, string>? currentByHistoricalCode = null)
    {
        Version = version;
        _byCode = nodes.ToDictionary(n => n.Code, StringComparer.OrdinalIgnoreCase);
        _currentByHistoricalCode = currentByHistoricalCode is null
            ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>(currentByHistoricalCode, StringComparer.OrdinalIgnoreCase);
    }

    public string Version { get; }

    public int Count => _byCode.Count;

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

    public TumorType? TumorTypeOf(string? code) => Find(code) is { } node ? new TumorType(node.Code, node.Name) : null;

    /// <summary>The node and its ancestors, nearest first, up to (and including) the tissue.</summary>
    public IReadOnlyList<string> Lineage(string code)
    {
        var lineage = new List<string>();
        var node = Find(code);
        while (node is not null && lineage.Count < 16)
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

    public bool IsSolid(string code) => Find(code) is { } node && !LiquidTissues.Contains(node.Tissue);
}
