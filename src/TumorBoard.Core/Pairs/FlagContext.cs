namespace TumorBoard.Core.Pairs;

/// <summary>What the flag rules need to know about one key beyond its two alterations.</summary>
internal sealed record FlagContext(
    ReportSnapshot From,
    ReportSnapshot To,
    PairStatus Status,
    bool GermlineSuspect,
    decimal? FromClonalReference,
    decimal? ToClonalReference);
