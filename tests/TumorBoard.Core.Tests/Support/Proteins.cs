using System.Globalization;
using System.Text.RegularExpressions;
using TumorBoard.Core.Alterations;

namespace TumorBoard.Tests.Support;

/// <summary>
/// Builds <see cref="ProteinChange"/> records from canonical one-letter text for tests (the real parser,
/// which also normalises other spellings, belongs to the FHIR adapter).
/// </summary>
public static partial class Proteins
{
    public static ProteinChange Parse(string text)
    {
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            throw new ArgumentException($"not a canonical protein change: {text}", nameof(text));
        }

        var startResidue = match.Groups["r1"].Value[0];
        var start = int.Parse(match.Groups["p1"].Value, CultureInfo.InvariantCulture);
        char? endResidue = match.Groups["r2"].Success ? match.Groups["r2"].Value[0] : null;
        var end = match.Groups["p2"].Success ? int.Parse(match.Groups["p2"].Value, CultureInfo.InvariantCulture) : start;
        var tail = match.Groups["tail"].Value;
        var (kind, alternate) = tail switch
        {
            "del" => (ProteinChangeKind.InframeDeletion, (string?)null),
            "dup" => (ProteinChangeKind.Duplication, null),
            "*" => (ProteinChangeKind.Nonsense, null),
            "=" => (ProteinChangeKind.Synonymous, null),
            "_splice" or "splice" => (ProteinChangeKind.Other, null),
            _ when tail.StartsWith("delins", StringComparison.Ordinal) => (ProteinChangeKind.Delins, tail[6..]),
            _ when tail.StartsWith("ins", StringComparison.Ordinal) => (ProteinChangeKind.InframeInsertion, tail[3..]),
            _ when tail.Contains("fs", StringComparison.Ordinal) => (ProteinChangeKind.Frameshift, null),
            _ when tail.Length == 1 => (ProteinChangeKind.Missense, tail),
            _ => (ProteinChangeKind.Other, null),
        };
        return new ProteinChange(text, kind, startResidue, start, endResidue, end, alternate);
    }

    public static Alteration Mutation(string gene, string protein, VariantOrigin origin = VariantOrigin.Unknown, decimal? vaf = null)
    {
        var parsed = Parse(protein);
        return new Alteration
        {
            Key = $"{gene} {protein}",
            Gene = gene,
            Kind = parsed.Kind is ProteinChangeKind.Missense or ProteinChangeKind.Nonsense or ProteinChangeKind.Synonymous ? AlterationKind.Snv : AlterationKind.Indel,
            Protein = parsed,
            Origin = origin,
            Vaf = vaf,
        };
    }

    [GeneratedRegex(@"^(?<r1>[A-Z*])(?<p1>\d+)(_(?<r2>[A-Z*])(?<p2>\d+))?(?<tail>.*)$")]
    private static partial Regex Pattern();
}
