using System.Text.RegularExpressions;
using TumorBoard.Core.Vocabularies;

namespace TumorBoard.Core.Alterations;

/// <summary>
/// Reads fusion notations (rare-cases.md 8): <c>EML4::ALK</c>, <c>EML4-ALK</c>, <c>EML4/ALK</c>,
/// <c>EML4 ALK fusion</c>, <c>EML4--ALK</c>, and single-gene <c>ROS1 Fusion</c> / <c>ALK rearrangement</c>.
/// Order is kept as given (5' then 3'); each name is resolved through <see cref="GeneSymbols"/>.
/// A single hyphen only splits when that yields gene names, because symbols such as NKX2-1 and
/// H3-3A contain one.
/// </summary>
public static partial class FusionNotation
{
    private static readonly string[] UnknownPartner = ["v", "?", "N/A", "UNKNOWN", "INTERGENIC"];

    /// <summary>True when the text names a fusion by its separator or a fusion word.</summary>
    public static bool LooksLikeFusion(string? text) =>
        !string.IsNullOrWhiteSpace(text)
        && (text.Contains("::", StringComparison.Ordinal) || text.Contains("--", StringComparison.Ordinal) || FusionWords().IsMatch(text));

    public static FusionPartners? Parse(string? text, GeneSymbols genes)
    {
        ArgumentNullException.ThrowIfNull(genes);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var core = SpacedSeparator().Replace(Spaces().Replace(FusionWords().Replace(text, " "), " ").Trim(), "$1");
        if (core.Length == 0)
        {
            return null;
        }

        var parts = Split(core, genes);
        if (parts is null)
        {
            return null;
        }

        var known = parts.Select(WithoutUnknownWords).Where(p => p.Length > 0).ToList();
        if (known.Count == 1)
        {
            // "v::EML4-ALK": the one named partner may itself be a hyphenated pair.
            known = [.. HyphenSplit(known[0], genes).Select(WithoutUnknownWords).Where(p => p.Length > 0)];
        }

        if (known.Count == 0 || !known.All(p => GeneName().IsMatch(p)))
        {
            return null; // Several words, or separators and symbols, are not a gene name.
        }

        var symbols = new List<string>();
        var unresolved = new List<string>();
        foreach (var name in known)
        {
            var symbol = genes.Resolve(name).Symbol;
            if (symbol is null)
            {
                unresolved.Add(name);
            }

            symbols.Add(symbol ?? name.ToUpperInvariant());
        }

        return new FusionPartners(symbols, unresolved);
    }

    private static string[]? Split(string core, GeneSymbols genes)
    {
        foreach (var separator in new[] { "::", "--", "/", " " })
        {
            if (core.Contains(separator, StringComparison.Ordinal))
            {
                var parts = core.Split(separator, StringSplitOptions.TrimEntries);
                return parts.Length == 2 ? parts : null;
            }
        }

        return HyphenSplit(core, genes);
    }

    /// <summary>Splits at a single hyphen only where that yields gene names (NKX2-1 stays whole).</summary>
    private static string[] HyphenSplit(string core, GeneSymbols genes)
    {
        if (!core.Contains('-', StringComparison.Ordinal) || Resolves(core, genes))
        {
            return [core];
        }

        var splits = Enumerable.Range(0, core.Length)
            .Where(i => core[i] == '-')
            .Select(i => new[] { core[..i], core[(i + 1)..] })
            .ToList();
        // Where no side of any hyphen is a gene the name stays whole, so the written result (A-B) reads
        // back as itself instead of as two invented partners.
        return splits.FirstOrDefault(s => Resolves(s[0], genes) && Resolves(s[1], genes))
            ?? splits.FirstOrDefault(s => Resolves(s[0], genes) || Resolves(s[1], genes))
            ?? [core];
    }

    /// <summary>The part without words that stand for an unknown partner ("v", "?", "intergenic").</summary>
    private static string WithoutUnknownWords(string part) =>
        string.Join(' ', part.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !UnknownPartner.Contains(w, StringComparer.OrdinalIgnoreCase)));

    private static bool Resolves(string name, GeneSymbols genes) => genes.Resolve(name).Symbol is not null;

    [GeneratedRegex(@"\b(?:gene\s+)?(?:fusions?|rearrangements?|rearranged|translocations?|transcripts?)(?:\s+gene)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex FusionWords();

    [GeneratedRegex(@"\s*(::|--|/|-)\s*")]
    private static partial Regex SpacedSeparator();

    /// <summary>What a gene symbol (or a lab's name for one) can look like: letters and digits, single . _ - inside, @ at the end.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*@?$")]
    private static partial Regex GeneName();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
