namespace TumorBoard.Core.Alterations;

/// <summary>
/// Parses any HGVS p. spelling into a <see cref="ProteinChange"/> with canonical one-letter text
/// (evidence.md d.3, rare-cases.md 1 and 15): <c>NP_005219.2:p.Leu858Arg</c>, <c>p.(Leu858Arg)</c>,
/// <c>p.L858R</c> and <c>L858R</c> all give <c>L858R</c>; <c>p.E746_A750delELREA</c> gives
/// <c>E746_A750del</c>; <c>p.Ser1982ArgfsTer22</c> gives <c>S1982Rfs*22</c>; <c>K3326X</c> gives <c>K3326*</c>.
/// Returns null for text it cannot read (and for <c>p.?</c>, <c>p.0</c>): callers keep the alteration and warn.
/// The per-form grammar (substitution, frameshift, delins, ...) is <see cref="ProteinChangeForms"/>; this class cleans the text
/// and finds a change inside free text.
/// </summary>
public static class ProteinChangeParser
{
    public static ProteinChange? Parse(string? text)
    {
        var body = Clean(text);
        if (body is null)
        {
            return null;
        }

        body = AminoAcids.ToOneLetter(body);
        if (body == "=")
        {
            return new ProteinChange("=", ProteinChangeKind.Synonymous, '?', 0, null, 0, null);
        }

        return ProteinChangeForms.Read(body);
    }

    /// <summary>
    /// Finds a protein change inside free text such as <c>EGFR L858R</c> or
    /// <c>NM_000251.3(MSH2):c.1832del (p.Val611fs)</c>: the first word that parses.
    /// </summary>
    public static ProteinChange? FindInText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        foreach (var word in text.Split([' ', '\t', '(', ')', ',', ';', '[', ']'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Any(char.IsDigit) && !IsNucleotideChange(word) && Parse(word) is { } change)
            {
                return change;
            }
        }

        return null;
    }

    /// <summary>Strips a protein/transcript id, <c>p.</c>, enclosing parentheses and white space.</summary>
    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var body = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        var colon = body.LastIndexOf(':');
        if (colon >= 0)
        {
            body = body[(colon + 1)..];
        }

        if (body.StartsWith("p.", StringComparison.OrdinalIgnoreCase))
        {
            body = body[2..];
        }

        if (body.Length > 2 && body[0] == '(' && body[^1] == ')')
        {
            body = body[1..^1];
        }

        return body.Length == 0 || body is "?" or "0" or "0?" ? null : body;
    }

    private static bool IsNucleotideChange(string word) =>
        word.Contains("c.", StringComparison.Ordinal) || word.Contains("g.", StringComparison.Ordinal)
        || word.Contains("n.", StringComparison.Ordinal) || word.Contains("r.", StringComparison.Ordinal);
}
