using System.Globalization;
using System.Text.RegularExpressions;

namespace TumorBoard.Core.Alterations;

/// <summary>
/// Parses any HGVS p. spelling into a <see cref="ProteinChange"/> with canonical one-letter text
/// (evidence.md d.3, rare-cases.md 1 and 15): <c>NP_005219.2:p.Leu858Arg</c>, <c>p.(Leu858Arg)</c>,
/// <c>p.L858R</c> and <c>L858R</c> all give <c>L858R</c>; <c>p.E746_A750delELREA</c> gives
/// <c>E746_A750del</c>; <c>p.Ser1982ArgfsTer22</c> gives <c>S1982Rfs*22</c>; <c>K3326X</c> gives <c>K3326*</c>.
/// Returns null for text it cannot read (and for <c>p.?</c>, <c>p.0</c>): callers keep the alteration and warn.
/// </summary>
public static partial class ProteinChangeParser
{
    private const string Residue = "[ACDEFGHIKLMNPQRSTVWYUOX]";
    /// <summary>A residue position: at most nine digits, so it always fits an int (the longest protein has about 35,000 residues).</summary>
    private const string Pos = "\\d{1,9}";
    private const string Range = $"(?<r1>{Residue})(?<p1>{Pos})(?:_(?<r2>{Residue})(?<p2>{Pos}))?";

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

        return Substitution(body) ?? Frameshift(body) ?? Delins(body) ?? Deletion(body)
            ?? Insertion(body) ?? Duplication(body) ?? Extension(body) ?? Splice(body);
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

    private static ProteinChange? Substitution(string body)
    {
        var m = SubstitutionPattern().Match(body);
        if (!m.Success)
        {
            return null;
        }

        var (r1, p1) = (m.Groups["r1"].Value[0], Position(m.Groups["p1"]));
        var alt = m.Groups["alt"].Value[0];
        if (r1 == '*')
        {
            return alt is '*' or 'X' or '='
                ? Make($"*{p1}=", ProteinChangeKind.Synonymous, '*', p1, null, p1, null)
                : Make($"*{p1}{alt}", ProteinChangeKind.StopLoss, '*', p1, null, p1, alt.ToString());
        }

        if (alt == '?')
        {
            return Make($"{r1}{p1}?", p1 == 1 ? ProteinChangeKind.StartLoss : ProteinChangeKind.Other, r1, p1, null, p1, null);
        }

        if (alt == '=' || alt == r1)
        {
            return Make($"{r1}{p1}=", ProteinChangeKind.Synonymous, r1, p1, null, p1, null);
        }

        if (alt is '*' or 'X')
        {
            return Make($"{r1}{p1}*", ProteinChangeKind.Nonsense, r1, p1, null, p1, "*");
        }

        var kind = p1 == 1 && r1 == 'M' ? ProteinChangeKind.StartLoss : ProteinChangeKind.Missense;
        return Make($"{r1}{p1}{alt}", kind, r1, p1, null, p1, alt.ToString());
    }

    private static ProteinChange? Frameshift(string body)
    {
        var m = FrameshiftPattern().Match(body);
        if (!m.Success)
        {
            return null;
        }

        var (r1, p1) = (m.Groups["r1"].Value[0], Position(m.Groups["p1"]));
        var alt = m.Groups["alt"].Success ? m.Groups["alt"].Value : null;
        var tail = m.Groups["n"].Success ? $"*{m.Groups["n"].Value}" : string.Empty;
        return Make($"{r1}{p1}{alt}fs{tail}", ProteinChangeKind.Frameshift, r1, p1, null, p1, alt);
    }

    private static ProteinChange? Delins(string body)
    {
        var m = DelinsPattern().Match(body);
        if (!m.Success)
        {
            m = LegacyDelinsPattern().Match(body);
        }

        return m.Success ? FromRange(m, "delins", ProteinChangeKind.Delins, Stops(m.Groups["seq"].Value)) : null;
    }

    private static ProteinChange? Deletion(string body)
    {
        var m = DeletionPattern().Match(body);
        if (!m.Success)
        {
            m = LegacyDeletionPattern().Match(body);
        }

        return m.Success ? FromRange(m, "del", ProteinChangeKind.InframeDeletion, null) : null;
    }

    private static ProteinChange? Insertion(string body)
    {
        var m = InsertionPattern().Match(body);
        return m.Success ? FromRange(m, "ins", ProteinChangeKind.InframeInsertion, Stops(m.Groups["seq"].Value)) : null;
    }

    private static ProteinChange? Duplication(string body)
    {
        var m = DuplicationPattern().Match(body);
        return m.Success ? FromRange(m, "dup", ProteinChangeKind.Duplication, null) : null;
    }

    private static ProteinChange? Extension(string body)
    {
        var m = StopExtensionPattern().Match(body);
        if (m.Success)
        {
            var p1 = Position(m.Groups["p1"]);
            var alt = m.Groups["alt"].Value;
            return Make($"*{p1}{alt}ext*{m.Groups["n"].Value}", ProteinChangeKind.StopLoss, '*', p1, null, p1, alt);
        }

        m = StartExtensionPattern().Match(body);
        return m.Success
            ? Make($"M1ext-{m.Groups["n"].Value}", ProteinChangeKind.Other, 'M', 1, null, 1, null)
            : null;
    }

    private static ProteinChange? Splice(string body)
    {
        var m = SplicePattern().Match(body);
        if (!m.Success)
        {
            return null;
        }

        var (r1, p1) = (m.Groups["r1"].Value[0], Position(m.Groups["p1"]));
        return Make($"{r1}{p1}_splice", ProteinChangeKind.Other, r1, p1, null, p1, null);
    }

    private static ProteinChange? FromRange(Match m, string keyword, ProteinChangeKind kind, string? alternate)
    {
        var r1 = m.Groups["r1"].Value[0];
        var p1 = Position(m.Groups["p1"]);
        if (!m.Groups["r2"].Success)
        {
            return Make($"{r1}{p1}{keyword}{alternate}", kind, r1, p1, null, p1, alternate);
        }

        var r2 = m.Groups["r2"].Value[0];
        var p2 = Position(m.Groups["p2"]);
        return p2 < p1 ? null : Make($"{r1}{p1}_{r2}{p2}{keyword}{alternate}", kind, r1, p1, r2, p2, alternate);
    }

    private static ProteinChange Make(string text, ProteinChangeKind kind, char r1, int p1, char? r2, int p2, string? alt) =>
        new(text, kind, r1, p1, r2, p2, alt);

    private static int Position(Group group) => int.Parse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>In an inserted sequence a trailing X is a stop (legacy spelling of *).</summary>
    private static string Stops(string sequence) => sequence.EndsWith('X') ? sequence[..^1] + "*" : sequence;

    [GeneratedRegex($"^(?<r1>{Residue}|\\*)(?<p1>{Pos})(?<alt>[ACDEFGHIKLMNPQRSTVWYUOX*=?])$")]
    private static partial Regex SubstitutionPattern();

    [GeneratedRegex($"^(?<r1>{Residue})(?<p1>{Pos})(?<alt>{Residue})?fs(?:[*X](?<n>\\d+|\\?))?$")]
    private static partial Regex FrameshiftPattern();

    [GeneratedRegex($"^{Range}del[A-Z]*ins(?<seq>[A-Z*]+)$")]
    private static partial Regex DelinsPattern();

    [GeneratedRegex($"^{Range}>(?<seq>[A-Z*]+)$")]
    private static partial Regex LegacyDelinsPattern();

    [GeneratedRegex($"^{Range}del(?:[A-Z]+|\\d+)?$")]
    private static partial Regex DeletionPattern();

    [GeneratedRegex($"^del(?<r1>{Residue})(?<p1>{Pos})-(?<r2>{Residue})(?<p2>{Pos})$")]
    private static partial Regex LegacyDeletionPattern();

    [GeneratedRegex($"^(?<r1>{Residue})(?<p1>{Pos})_(?<r2>{Residue})(?<p2>{Pos})ins(?<seq>[A-Z*]+)$")]
    private static partial Regex InsertionPattern();

    [GeneratedRegex($"^{Range}dup[A-Z]*$")]
    private static partial Regex DuplicationPattern();

    [GeneratedRegex($"^\\*(?<p1>{Pos})(?<alt>{Residue})ext[*X](?<n>\\d+|\\?)$")]
    private static partial Regex StopExtensionPattern();

    [GeneratedRegex("^M1ext-(?<n>\\d+)$")]
    private static partial Regex StartExtensionPattern();

    [GeneratedRegex($"^(?<r1>{Residue})(?<p1>{Pos})_?splice$")]
    private static partial Regex SplicePattern();
}
