using System.Globalization;
using System.Text.RegularExpressions;

namespace TumorBoard.Core.Alterations;

/// <summary>
/// The HGVS p. forms, one reader each, over cleaned one-letter text (no <c>p.</c>, no accession, no parentheses):
/// each returns the change with canonical text, or null when the text is not that form.
/// </summary>
internal static partial class ProteinChangeForms
{
    private const string Residue = "[ACDEFGHIKLMNPQRSTVWYUOX]";
    /// <summary>A residue position: at most nine digits, so it always fits an int (the longest protein has about 35,000 residues).</summary>
    private const string Pos = "\\d{1,9}";
    private const string Range = $"(?<r1>{Residue})(?<p1>{Pos})(?:_(?<r2>{Residue})(?<p2>{Pos}))?";

    /// <summary>The first form that reads the text, or null.</summary>
    public static ProteinChange? Read(string body) =>
        Substitution(body) ?? Frameshift(body) ?? Delins(body) ?? Deletion(body)
        ?? Insertion(body) ?? Duplication(body) ?? Extension(body) ?? Splice(body);

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
