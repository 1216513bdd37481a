using TumorBoard.Core.Vocabularies;

namespace TumorBoard.KnowledgeBase.Vocabularies;

/// <summary>
/// Reads the compact HGNC file (approved genes: id, symbol, previous symbols, aliases) into
/// <see cref="GeneSymbols"/>. Previous symbols and aliases that name several genes stay ambiguous.
/// </summary>
internal static class HgncFileReader
{
    private static readonly string[] Header = ["hgnc_id", "symbol", "previous_symbols", "alias_symbols"];

    public static GeneSymbols Read(DataFile file, LoadErrors errors)
    {
        var symbols = new List<string>();
        var byId = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var seenSymbols = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var previous = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var aliases = new Dictionary<string, List<string>>(StringComparer.Ordinal);

        foreach (var (line, fields) in TsvTable.Read(file, Header, errors))
        {
            var (id, symbol) = (fields[0].Trim(), fields[1].Trim());
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
            AddAll(previous, TsvTable.List(fields[2]), symbol);
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
