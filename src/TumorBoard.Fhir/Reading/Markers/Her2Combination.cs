using TumorBoard.Core.Ingestion;
using TumorBoard.Core.Patients;
using TumorBoard.Fhir.Parsing;

namespace TumorBoard.Fhir.Reading.Markers;

/// <summary>
/// One HER2 status from the lab's overall interpretation, the IHC score and the ISH result, following the
/// ASCO/CAP logic the Core <see cref="MarkerStatus"/> documents: HER2-positive is IHC 3+ or ISH amplified;
/// IHC 2+ is equivocal until ISH decides (amplified: positive; not amplified: HER2-low); IHC 1+ is HER2-low;
/// IHC 0 is negative. The lab's overall interpretation, when sent, is its own integration and wins; tests that
/// disagree with it, or IHC and ISH that disagree with each other, are warnings for pathology review.
/// </summary>
internal static class Her2Combination
{
    public static ParsedMarker? Combine(MarkerReading? overall, MarkerReading? ihc, MarkerReading? ish, IssueList issues)
    {
        var fromTests = FromTests(ihc, ish, issues);
        if (overall is null)
        {
            return fromTests;
        }

        if (fromTests is not null && !Agree(overall.Status, fromTests.Status))
        {
            issues.Warning("conflict", $"The HER2 overall interpretation ({MarkerResolver.Text(overall.Status)}) differs from the HER2 tests ({fromTests.Source}: {MarkerResolver.Text(fromTests.Status)}); the overall interpretation is used.", overall.Path);
        }

        return MarkerResolver.ToMarker(overall);
    }

    private static ParsedMarker? FromTests(MarkerReading? ihc, MarkerReading? ish, IssueList issues)
    {
        if (ihc is null || ish is null)
        {
            return ihc is not null ? MarkerResolver.ToMarker(ihc) : ish is not null ? MarkerResolver.ToMarker(ish) : null;
        }

        var status = (ihc.Status, ish.Status) switch
        {
            (MarkerStatus.Positive, _) or (_, MarkerStatus.Positive) => MarkerStatus.Positive,
            (MarkerStatus.Equivocal, MarkerStatus.Negative) => MarkerStatus.Low,
            (var score, _) => score,
        };
        var discordant = (ihc.Status == MarkerStatus.Positive && ish.Status == MarkerStatus.Negative)
            || (ish.Status == MarkerStatus.Positive && ihc.Status is MarkerStatus.Negative or MarkerStatus.Low);
        if (discordant)
        {
            issues.Warning("conflict", $"HER2 IHC ({ihc.Source}) and ISH ({ish.Source}) disagree; HER2 is taken as positive (IHC 3+ or ISH amplified), pathology review is advised.", ish.Path);
        }

        return new ParsedMarker(
            ClinicalMarker.Her2,
            status,
            new[] { ihc.EffectiveAt, ish.EffectiveAt }.Max(),
            $"HER2 from IHC and ISH: {ihc.Source}; {ish.Source}");
    }

    /// <summary>HER2-low is HER2-negative, so an overall "negative" agrees with tests that give "low".</summary>
    private static bool Agree(MarkerStatus overall, MarkerStatus tests) =>
        overall == tests || (overall, tests) is (MarkerStatus.Negative, MarkerStatus.Low) or (MarkerStatus.Low, MarkerStatus.Negative);
}
