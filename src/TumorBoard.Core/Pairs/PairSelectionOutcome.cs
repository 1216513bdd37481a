namespace TumorBoard.Core.Pairs;

/// <summary>The result of choosing which two reports to compare: one of the sealed records below.</summary>
public abstract record PairSelectionOutcome;

/// <summary>Two reports to compare, <paramref name="From"/> against <paramref name="To"/>, and why these two.</summary>
public sealed record SelectedPair(ReportSnapshot From, ReportSnapshot To, PairBasis Basis) : PairSelectionOutcome;

/// <summary>
/// Fewer than two comparable reports (tumour samples for the default pair; any reports for an explicit one).
/// The HTTP layer answers 409.
/// </summary>
public sealed record NotEnoughReports(int ComparableReportCount) : PairSelectionOutcome;

/// <summary>An explicit <c>from</c>/<c>to</c> id that is not one of the patient's reports. The HTTP layer answers 404.</summary>
public sealed record UnknownReport(string ReportId) : PairSelectionOutcome;

/// <summary>An explicit request that cannot be a pair (same report twice, only one side given). The HTTP layer answers 400.</summary>
public sealed record InvalidPairRequest(string Reason) : PairSelectionOutcome;

/// <summary>Why a pair was chosen; serialised camelCase.</summary>
public enum PairBasis
{
    /// <summary>The caller named both reports.</summary>
    Explicit,

    /// <summary>Default: latest primary against latest metastasis.</summary>
    PrimaryVsMetastasis,

    /// <summary>Default without a metastasis: latest primary against latest ctDNA.</summary>
    PrimaryVsCtdna,

    /// <summary>Default without a primary (or with primaries only): the two most recent tumour samples, older first.</summary>
    LatestTwoTumourSamples,
}
