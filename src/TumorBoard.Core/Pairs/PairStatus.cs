namespace TumorBoard.Core.Pairs;

/// <summary>How one alteration key stands between the two reports of a pair; serialised camelCase.</summary>
public enum PairStatus
{
    /// <summary>Present in both reports.</summary>
    Shared,

    /// <summary>Present only in <c>to</c>, and <c>from</c> tested for it.</summary>
    Acquired,

    /// <summary>Present only in <c>from</c>, and <c>to</c> tested for it.</summary>
    Lost,

    /// <summary>Present in one report; the other report did not test for it (gene outside its declared panel, or no TMB/MSI measurement).</summary>
    NotTested,
}
