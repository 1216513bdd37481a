namespace TumorBoard.Core.Vocabularies;

/// <summary>
/// Resolves gene names to HGNC-approved symbols: an approved symbol as is, an HGNC id (<c>HGNC:3236</c>),
/// a previous symbol or an alias (HER2 -> ERBB2, MLL2 -> KMT2D). Approved symbols win over aliases
/// because several aliases collide with other genes' approved symbols.
/// </summary>
public sealed class GeneSymbols
{
    private readonly Dictionary<string, string> _approvedByUpper;
    private readonly Dictionary<string, string> _symbolByHgncId;
    private readonly Dictionary<string, string[]> _previous;
    private readonly Dictionary<string, string[]> _aliases;
    private readonly Lazy<Dictionary<string, string>> _hgncIdBySymbol;

    /// <param name="approvedSymbols">Every approved symbol.</param>
    /// <param name="symbolByHgncId">HGNC id (<c>HGNC:3236</c>) to approved symbol.</param>
    /// <param name="previousSymbols">Upper-case previous symbol to the approved symbol(s) it now names.</param>
    /// <param name="aliases">Upper-case alias to the approved symbol(s) it may name.</param>
    public GeneSymbols(
        IEnumerable<string> approvedSymbols,
        IReadOnlyDictionary<string, string> symbolByHgncId,
        IReadOnlyDictionary<string, string[]> previousSymbols,
        IReadOnlyDictionary<string, string[]> aliases)
    {
        _approvedByUpper = approvedSymbols.ToDictionary(s => s.ToUpperInvariant(), s => s, StringComparer.Ordinal);
        _symbolByHgncId = new Dictionary<string, string>(symbolByHgncId, StringComparer.OrdinalIgnoreCase);
        _previous = new Dictionary<string, string[]>(previousSymbols, StringComparer.Ordinal);
        _aliases = new Dictionary<string, string[]>(aliases, StringComparer.Ordinal);
        // Built on first use: only FHIR output needs it, and vocabulary loading stays as fast as before.
        _hgncIdBySymbol = new Lazy<Dictionary<string, string>>(InvertIds);
    }

    public int Count => _approvedByUpper.Count;

    /// <summary>The HGNC id (<c>HGNC:3236</c>) of an approved symbol (<c>EGFR</c>); null for anything else.</summary>
    public string? HgncId(string symbol) =>
        _hgncIdBySymbol.Value.TryGetValue(symbol, out var id) ? id : null;

    public GeneResolution Resolve(string? input)
    {
        var text = input?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return new GeneResolution(null, GeneResolutionKind.Unknown, []);
        }

        if (text.StartsWith("HGNC:", StringComparison.OrdinalIgnoreCase))
        {
            return _symbolByHgncId.TryGetValue(text, out var byId)
                ? new GeneResolution(byId, GeneResolutionKind.HgncId, [byId])
                : new GeneResolution(null, GeneResolutionKind.Unknown, []);
        }

        var upper = text.ToUpperInvariant();
        if (_approvedByUpper.TryGetValue(upper, out var approved))
        {
            return new GeneResolution(approved, GeneResolutionKind.Approved, [approved]);
        }

        return FromSynonyms(upper, _previous, GeneResolutionKind.PreviousSymbol)
            ?? FromSynonyms(upper, _aliases, GeneResolutionKind.Alias)
            ?? new GeneResolution(null, GeneResolutionKind.Unknown, []);
    }

    private Dictionary<string, string> InvertIds()
    {
        var bySymbol = new Dictionary<string, string>(_symbolByHgncId.Count, StringComparer.Ordinal);
        foreach (var (id, symbol) in _symbolByHgncId)
        {
            bySymbol.TryAdd(symbol, id);
        }

        return bySymbol;
    }

    private static GeneResolution? FromSynonyms(string upper, Dictionary<string, string[]> table, GeneResolutionKind kind)
    {
        if (!table.TryGetValue(upper, out var symbols) || symbols.Length == 0)
        {
            return null;
        }

        return symbols.Length == 1
            ? new GeneResolution(symbols[0], kind, symbols)
            : new GeneResolution(null, GeneResolutionKind.Ambiguous, symbols);
    }
}
