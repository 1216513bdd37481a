using System.Text.RegularExpressions;
using TumorBoard.Core.Patients;

namespace TumorBoard.Fhir.Reading.Markers;

/// <summary>
/// Reads a marker status from the words of a value. Negated phrases are read first and removed, so
/// "not amplified" never counts as "amplified" nor "not detected" as "detected"; words that point two ways
/// ("positive" and "negative" in one text) give no status.
/// </summary>
internal static partial class MarkerWords
{
    public static MarkerStatus? Status(MarkerTest test, string text) => test switch
    {
        MarkerTest.Her2Ihc or MarkerTest.Her2Overall => Her2(text),
        MarkerTest.Her2Ish => Ish(text),
        MarkerTest.Mlh1Ihc or MarkerTest.Msh2Ihc => Expression(text),
        _ => Receptor(text),
    };

    /// <summary>An IHC score decides (0 negative, 1+ HER2-low, 2+ equivocal, 3+ positive); else the words.</summary>
    private static MarkerStatus? Her2(string text)
    {
        var scores = Score().Matches(text).Select(m => m.Groups["score"].Value)
            .Concat(ZeroScore().IsMatch(text) ? ["0"] : [])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (scores.Count > 0)
        {
            return scores.Count == 1 ? FromScore(scores[0]) : null;
        }

        if (UltraLow().IsMatch(text))
        {
            // HER2-ultralow is within IHC 0: negative for rules written as HER2-negative.
            return Single(MarkerStatus.Negative, Positive().IsMatch(text) || Equivocal().IsMatch(text));
        }

        var statuses = new List<MarkerStatus>();
        Add(statuses, Low().IsMatch(text), MarkerStatus.Low);
        Add(statuses, Positive().IsMatch(text), MarkerStatus.Positive);
        Add(statuses, Negative().IsMatch(text) || Absent().IsMatch(text), MarkerStatus.Negative);
        Add(statuses, Equivocal().IsMatch(text), MarkerStatus.Equivocal);

        // "HER2-low, negative" is one finding: low is the more specific word.
        if (statuses.Contains(MarkerStatus.Low) && statuses.Contains(MarkerStatus.Negative) && statuses.Count == 2)
        {
            return MarkerStatus.Low;
        }

        return statuses.Count == 1 ? statuses[0] : null;
    }

    private static MarkerStatus? Ish(string text)
    {
        var notAmplified = NotAmplified().IsMatch(text);
        var rest = NotAmplified().Replace(text, " ");
        var statuses = new List<MarkerStatus>();
        Add(statuses, notAmplified || Negative().IsMatch(rest), MarkerStatus.Negative);
        Add(statuses, Amplified().IsMatch(rest) || Positive().IsMatch(rest), MarkerStatus.Positive);
        Add(statuses, Equivocal().IsMatch(rest), MarkerStatus.Equivocal);
        return statuses.Count == 1 ? statuses[0] : null;
    }

    private static MarkerStatus? Receptor(string text)
    {
        var negated = NotDetected().IsMatch(text);
        var rest = NotDetected().Replace(text, " ");
        var statuses = new List<MarkerStatus>();
        Add(statuses, negated || Negative().IsMatch(rest) || Absent().IsMatch(rest), MarkerStatus.Negative);
        Add(statuses, Positive().IsMatch(rest) || Present().IsMatch(rest) || Detected().IsMatch(rest), MarkerStatus.Positive);
        Add(statuses, Equivocal().IsMatch(rest), MarkerStatus.Equivocal);
        return statuses.Count == 1 ? statuses[0] : null;
    }

    /// <summary>Protein expression by IHC: expressed (intact, retained) is positive, loss is negative.</summary>
    private static MarkerStatus? Expression(string text)
    {
        var kept = NoLoss().IsMatch(text);
        var lost = NotExpressed().IsMatch(text);
        var rest = NotExpressed().Replace(NoLoss().Replace(text, " "), " ");
        var statuses = new List<MarkerStatus>();
        Add(statuses, kept || Intact().IsMatch(rest) || Positive().IsMatch(rest) || Present().IsMatch(rest), MarkerStatus.Positive);
        Add(statuses, lost || Lost().IsMatch(rest) || Negative().IsMatch(rest) || Absent().IsMatch(rest), MarkerStatus.Negative);
        return statuses.Count == 1 ? statuses[0] : null;
    }

    private static MarkerStatus FromScore(string score) => score switch
    {
        "0" => MarkerStatus.Negative,
        "1" => MarkerStatus.Low,
        "2" => MarkerStatus.Equivocal,
        _ => MarkerStatus.Positive,
    };

    private static MarkerStatus? Single(MarkerStatus status, bool contradicted) => contradicted ? null : status;

    private static void Add(List<MarkerStatus> statuses, bool found, MarkerStatus status)
    {
        if (found)
        {
            statuses.Add(status);
        }
    }

    [GeneratedRegex(@"(?<![\w.,])(?<score>[0-3])\s*\+")]
    private static partial Regex Score();

    [GeneratedRegex(@"(?<![\w.,+-])0(?![\w.,%+])")]
    private static partial Regex ZeroScore();

    [GeneratedRegex(@"ultra[\s-]?low", RegexOptions.IgnoreCase)]
    private static partial Regex UltraLow();

    [GeneratedRegex(@"\blow\b", RegexOptions.IgnoreCase)]
    private static partial Regex Low();

    [GeneratedRegex(@"\bpositiv", RegexOptions.IgnoreCase)]
    private static partial Regex Positive();

    [GeneratedRegex(@"\bnegativ", RegexOptions.IgnoreCase)]
    private static partial Regex Negative();

    [GeneratedRegex(@"\b(equivocal|borderline)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Equivocal();

    [GeneratedRegex(@"\bpresent\b", RegexOptions.IgnoreCase)]
    private static partial Regex Present();

    [GeneratedRegex(@"\babsent\b", RegexOptions.IgnoreCase)]
    private static partial Regex Absent();

    [GeneratedRegex(@"\bdetected\b", RegexOptions.IgnoreCase)]
    private static partial Regex Detected();

    [GeneratedRegex(@"\b(not|un)[\s-]*detected\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotDetected();

    [GeneratedRegex(@"\b(not|non|un)[\s-]*amplified\b|\bno\s+amplification\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotAmplified();

    [GeneratedRegex(@"\bamplifi(ed|cation)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Amplified();

    [GeneratedRegex(@"\b(no|without)\s+loss\b", RegexOptions.IgnoreCase)]
    private static partial Regex NoLoss();

    [GeneratedRegex(@"\b(not|un)[\s-]*expressed\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotExpressed();

    [GeneratedRegex(@"\b(intact|retained|preserved|expressed|proficient)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Intact();

    [GeneratedRegex(@"\b(loss|lost|deficient)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Lost();
}
