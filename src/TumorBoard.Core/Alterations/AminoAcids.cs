using System.Text.RegularExpressions;

namespace TumorBoard.Core.Alterations;

/// <summary>
/// Three-letter to one-letter amino-acid codes (HGVS; evidence.md d.3 rule 2). <c>Ter</c> and a
/// trailing <c>X</c> stop are written <c>*</c>; <c>Xaa</c> (any residue) is <c>X</c>.
/// </summary>
internal static partial class AminoAcids
{
    private static readonly Dictionary<string, char> OneLetterByThree = new(StringComparer.Ordinal)
    {
        ["Ala"] = 'A',
        ["Arg"] = 'R',
        ["Asn"] = 'N',
        ["Asp"] = 'D',
        ["Cys"] = 'C',
        ["Gln"] = 'Q',
        ["Glu"] = 'E',
        ["Gly"] = 'G',
        ["His"] = 'H',
        ["Ile"] = 'I',
        ["Leu"] = 'L',
        ["Lys"] = 'K',
        ["Met"] = 'M',
        ["Phe"] = 'F',
        ["Pro"] = 'P',
        ["Ser"] = 'S',
        ["Thr"] = 'T',
        ["Trp"] = 'W',
        ["Tyr"] = 'Y',
        ["Val"] = 'V',
        ["Sec"] = 'U',
        ["Pyl"] = 'O',
        ["Ter"] = '*',
        ["Xaa"] = 'X',
    };

    /// <summary>Residue letters of one-letter notation, plus X (any) and * (stop).</summary>
    public const string OneLetterClass = "ACDEFGHIKLMNPQRSTVWYUOX*";

    /// <summary>
    /// Replaces every three-letter code (a capital followed by two lower-case letters) with its
    /// one-letter code. Keywords (del, ins, dup, fs, ext) are lower-case and never match; an
    /// unknown capitalised triple (the <c>Rfs</c> of <c>S1982Rfs*22</c>) is left alone.
    /// </summary>
    public static string ToOneLetter(string text) =>
        ThreeLetterPattern().Replace(text, m => OneLetterByThree.TryGetValue(m.Value, out var one) ? one.ToString() : m.Value);

    [GeneratedRegex("[A-Z][a-z]{2}")]
    private static partial Regex ThreeLetterPattern();
}
