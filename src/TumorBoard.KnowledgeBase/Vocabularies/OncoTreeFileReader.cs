using TumorBoard.Core.Vocabularies;

namespace TumorBoard.KnowledgeBase.Vocabularies;

/// <summary>
/// Reads the flattened OncoTree release (one node per line, with the historical codes of its <c>history</c> and
/// <c>precursors</c> fields) and TumorBoard's documented aliases into <see cref="OncoTree"/>. Revoked codes are
/// not resolved: a revocation means the old code's meaning changed, so mapping it would be a guess.
/// </summary>
internal static class OncoTreeFileReader
{
    private const string Root = "TISSUE";
    private const int MaxDepth = 16;

    private static readonly string[] Header = ["code", "parent", "name", "main_type", "tissue", "history", "precursors", "revocations"];
    private static readonly string[] AliasHeader = ["alias", "code", "reason"];

    private sealed record Row(int Line, string Code, string Parent, string Name, string MainType, string[] Historical);

    public static OncoTree Read(DataFile tree, DataFile aliases, string version, LoadErrors errors)
    {
        var rows = ReadRows(tree, errors);
        var parents = rows.ToDictionary(r => r.Code, r => r.Parent, StringComparer.OrdinalIgnoreCase);
        var nodes = new List<OncoTreeNode>();
        foreach (var row in rows)
        {
            var tissue = TissueOf(row.Code, parents, out var broken);
            if (tissue is not null)
            {
                nodes.Add(new OncoTreeNode(row.Code, row.Name, row.MainType, tissue, row.Parent == Root ? null : row.Parent));
            }
            else if (broken is null || broken.Equals(row.Code, StringComparison.OrdinalIgnoreCase))
            {
                // Report the node whose own parent is wrong (or every node of a cycle), not each of its descendants.
                errors.Add(tree.Name, row.Line, $"node {row.Code}: parent '{row.Parent}' does not lead to {Root} (unknown parent or cycle)");
            }
        }

        var historical = ReadHistorical(tree, rows, parents, errors);
        ReadAliases(aliases, parents, historical, errors);
        return new OncoTree(version, nodes, historical);
    }

    private static List<Row> ReadRows(DataFile tree, LoadErrors errors)
    {
        var rows = new List<Row>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, f) in TsvTable.Read(tree, Header, errors))
        {
            var (code, parent, name) = (f[0].Trim(), f[1].Trim(), f[2].Trim());
            if (code.Length == 0 || code.Any(char.IsWhiteSpace) || parent.Length == 0 || name.Length == 0)
            {
                errors.Add(tree.Name, line, "code, parent and name are required and codes have no spaces");
            }
            else if (code.Equals(Root, StringComparison.OrdinalIgnoreCase) || !seen.Add(code))
            {
                errors.Add(tree.Name, line, $"duplicate code {code}");
            }
            else
            {
                rows.Add(new Row(line, code, parent, name, f[3].Trim(), [.. TsvTable.List(f[5]), .. TsvTable.List(f[6])]));
            }
        }

        return rows;
    }

    /// <summary>The level-1 ancestor of a node; null with <paramref name="broken"/> = the node whose parent is unknown, or null for a cycle.</summary>
    private static string? TissueOf(string start, Dictionary<string, string> parents, out string? broken)
    {
        var code = start;
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            var parent = parents[code];
            if (parent.Equals(Root, StringComparison.OrdinalIgnoreCase))
            {
                broken = null;
                return code;
            }

            if (!parents.ContainsKey(parent))
            {
                broken = code;
                return null;
            }

            code = parent;
        }

        broken = null;
        return null;
    }

    private static Dictionary<string, string> ReadHistorical(DataFile tree, List<Row> rows, Dictionary<string, string> parents, LoadErrors errors)
    {
        var historical = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            foreach (var old in row.Historical)
            {
                // A case variant of the node's own code (aCML -> ACML) is harmless; another node's code is not.
                if (parents.ContainsKey(old) && !old.Equals(row.Code, StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add(tree.Name, row.Line, $"historical code {old} of {row.Code} is a current code of another node");
                }
                else if (historical.TryGetValue(old, out var other) && other != row.Code)
                {
                    errors.Add(tree.Name, row.Line, $"historical code {old} maps to both {other} and {row.Code}");
                }
                else
                {
                    historical[old] = row.Code;
                }
            }
        }

        return historical;
    }

    private static void ReadAliases(DataFile aliases, Dictionary<string, string> parents, Dictionary<string, string> historical, LoadErrors errors)
    {
        foreach (var (line, f) in TsvTable.Read(aliases, AliasHeader, errors))
        {
            var (alias, code, reason) = (f[0].Trim(), f[1].Trim(), f[2].Trim());
            if (alias.Length == 0 || reason.Length == 0)
            {
                errors.Add(aliases.Name, line, "alias and reason are required");
            }
            else if (parents.ContainsKey(alias) || historical.ContainsKey(alias))
            {
                errors.Add(aliases.Name, line, $"alias {alias} is already an OncoTree code or historical code");
            }
            else if (!parents.ContainsKey(code))
            {
                errors.Add(aliases.Name, line, $"alias {alias} points to {code}, which is not an OncoTree code");
            }
            else
            {
                historical[alias] = code;
            }
        }
    }
}
