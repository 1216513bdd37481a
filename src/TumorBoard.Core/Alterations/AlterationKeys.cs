using System.Text.RegularExpressions;

namespace TumorBoard.Core.Alterations;

/// <summary>
/// The one place that builds <see cref="Alteration.Key"/>, the identity the pair comparison and the
/// rules use across reports: <c>EGFR T790M</c>, <c>EGFR E746_A750del</c>, <c>ERBB2 amplification</c>,
/// <c>EML4::ALK</c>, <c>ROS1 fusion</c>, <c>TMB</c>, <c>MSI-H</c>, <c>MSS</c>. A change without a
/// parsed protein change falls back to its c. change, then to the lab's text, so it stays stable.
/// </summary>
public static partial class AlterationKeys
{
    public const string Tmb = "TMB";
    public const string MsiHigh = "MSI-H";
    public const string MicrosatelliteStable = "MSS";

    /// <summary>SNV/indel: gene + protein change, else gene + c. change, else gene + the lab's text.</summary>
    public static string Variant(string gene, ProteinChange? protein, string? codingChange, string? rawText)
    {
        if (protein is { StartPosition: > 0 })
        {
            return $"{gene} {protein.Text}";
        }

        if (!string.IsNullOrWhiteSpace(codingChange))
        {
            return $"{gene} {codingChange.Trim()}";
        }

        return Uninterpreted(gene, rawText);
    }

    /// <summary>Copy-number change: gene + call word; without a call, gene + the lab's text.</summary>
    public static string CopyNumber(string gene, CnaCall? call, string? rawText) =>
        call is { } c ? $"{gene} {CopyNumberCalls.Word(c)}" : Uninterpreted(gene, rawText ?? "copy number change");

    /// <summary>Fusion: <c>5'::3'</c>; a single known gene (partner unknown) is <c>GENE fusion</c>.</summary>
    public static string Fusion(IReadOnlyList<string> genes)
    {
        ArgumentNullException.ThrowIfNull(genes);
        return genes.Count == 1 ? $"{genes[0]} fusion" : string.Join("::", genes);
    }

    public static string Msi(bool high) => high ? MsiHigh : MicrosatelliteStable;

    /// <summary>
    /// Anything else: gene + the lab's text with white space collapsed, a leading repeat of the gene
    /// removed and ordinary words lower-cased, so <c>EGFR Exon 19 Deletion</c> and
    /// <c>exon 19 deletion</c> on gene EGFR give the same <c>EGFR exon 19 deletion</c>.
    /// </summary>
    public static string Uninterpreted(string gene, string? rawText)
    {
        ArgumentNullException.ThrowIfNull(gene);
        var words = Spaces().Split(rawText?.Trim() ?? string.Empty).Where(w => w.Length > 0).ToList();
        if (words.Count > 0 && string.Equals(words[0], gene, StringComparison.OrdinalIgnoreCase))
        {
            words.RemoveAt(0);
        }

        var text = string.Join(' ', words.Select(NormaliseWord));
        return (gene.Length, text.Length) switch
        {
            (0, 0) => "unknown",
            (0, _) => text,
            (_, 0) => gene,
            _ => $"{gene} {text}",
        };
    }

    /// <summary>Lower-cases plain words (Exon, Deletion) but keeps all-capital tokens and notations (ITD, c.3028+1G&gt;T).</summary>
    private static string NormaliseWord(string word) =>
        word.All(char.IsLetter) && !word.All(char.IsUpper) ? word.ToLowerInvariant() : word;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
