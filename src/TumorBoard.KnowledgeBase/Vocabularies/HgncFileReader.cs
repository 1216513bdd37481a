using TumorBoard.Core.Vocabularies;

namespace TumorBoard.KnowledgeBase.Vocabularies;

/// <summary>
/// Reads the compact HGNC file (approved genes: id, symbol, previous symbols, aliases) into
/// <see cref="GeneSymbols"/>. Previous symbols and aliases that name several genes stay ambiguous.
/// Renames since the snapshot (by HGNC id) make the current symbol approved and the snapshot's symbol a
/// previous symbol, so H3F3A, H3-3A and HGNC:4764 all resolve to H3-3A.
/// </summary>
internal static class HgncFileReader
{
    private static readonly string[] Header = ["hgnc_id", "symbol", "previous_symbols", "alias_symbols"];
    private static readonly string[] RenameHeader = ["hgnc_id", "symbol_2019", "symbol_current"];

    /// <summary>HGNC id to (snapshot symbol, current symbol) from the renames file.</summary>
    public static Dictionary<string, (string Old, string Current)> ReadRenames(DataFile file, LoadErrors errors)
    {
        var renames = new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, fields) in TsvTable.Read(file, RenameHeader, errors))
        {
            var (id, old, current) = (fields[0].Trim(), fields[1].Trim(), fields[2].Trim());
            if (!IsHgncId(id) || old.Length == 0 || current.Length == 0 || current.Contains(' ', StringComparison.Ordinal))
            {
                errors.Add(file.Name, line, "expected an HGNC id, the 2019 symbol and the current symbol");
            }
            else if (!renames.TryAdd(id, (old, current)))
            {
                errors.Add(file.Name, line, $"duplicate HGNC id {id}");
            }
        }

        return renames;
    }

    public static GeneSymbols Read(DataFile file, LoadErrors errors) => Read(file, new Dictionary<string, (string Old, string Current)>(), errors);

    public static GeneSymbols Read(DataFile file, IReadOnlyDictionary<string, (string Old, string Current)> renames, LoadErrors errors)
    {
        var symbols = new List<string>();
        var byId = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var seenSymbols = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var previous = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var aliases = new Dictionary<string, List<string>>(StringComparer.Ordinal);

        foreach (var (line, fields) in TsvTable.Read(file, Header, errors))
        {
            var (id, symbol) = (fields[0].Trim(), fields[1].Trim());
            var renamedFrom = (string?)null;
            if (renames.TryGetValue(id, out var rename))
            {
                if (!string.Equals(rename.Old, symbol, StringComparison.Ordinal))
                {
                    errors.Add(file.Name, line, $"{id}: the renames file says its 2019 symbol was {rename.Old}, the snapshot says {symbol}");
                    continue;
                }

                (renamedFrom, symbol) = (symbol, rename.Current);
            }

            if (!IsHgncId(id))
            {
                errors.Add(file.Name, line, $"'{id}' is not an HGNC id (HGNC:<digits>)");
                continue;
            }

            if (symbol.Length == 0 || symbol.Contains(' ', StringComparison.Ordinal))
            {
                errors.Add(file.Name, line, $"'{symbol}' is not a gene symbol");
                continue;
            }

            if (!byId.TryAdd(id, symbol))
            {
                errors.Add(file.Name, line, $"duplicate HGNC id {id}");
                continue;
            }

            if (!seenSymbols.Add(symbol))
            {
                errors.Add(file.Name, line, $"duplicate approved symbol {symbol}");
                continue;
            }

            symbols.Add(symbol);
            AddAll(previous, renamedFrom is null ? TsvTable.List(fields[2]) : [.. TsvTable.List(fields[2]), renamedFrom], symbol);
            AddAll(aliases, TsvTable.List(fields[3]), symbol);
        }

        return new GeneSymbols(symbols, byId, Freeze(previous), Freeze(aliases));
    }

    private static bool IsHgncId(string id) =>
        id.StartsWith("HGNC:", StringComparison.Ordinal) && id.Length > 5 && !id.AsSpan(5).ContainsAnyExceptInRange('0', '9');

    private static void AddAll(Dictionary<string, List<string>> table, string[] names, string symbol)
    {
        foreach (var name in names)
        {
            var key = name.ToUpperInvariant();
            if (!table.TryGetValue(key, out var symbols))
            {
                table[key] = symbols = [];
            }

            symbols.Add(symbol);
        }
    }

    // Sorted so an ambiguous name lists its candidates in a stable order (MLL4 -> KMT2B, KMT2D).
    // Plain loops: this runs once per process over ~50,000 names, before the JIT has optimised anything.
    private static Dictionary<string, string[]> Freeze(Dictionary<string, List<string>> table)
    {
        var frozen = new Dictionary<string, string[]>(table.Count, StringComparer.Ordinal);
        foreach (var (name, symbols) in table)
        {
            if (symbols.Count == 1)
            {
                frozen[name] = [symbols[0]];
                continue;
            }

            symbols.Sort(StringComparer.Ordinal);
            var distinct = new List<string>(symbols.Count);
            foreach (var symbol in symbols)
            {
                if (distinct.Count == 0 || distinct[^1] != symbol)
                {
                    distinct.Add(symbol);
                }
            }

            frozen[name] = [.. distinct];
        }

        return frozen;
    }
}
