namespace TumorBoard.Api.Features.Comparison;

public sealed record ComparedAlterationDto(
    string Key,
    string Gene,
    string Kind,
    string Status,
    decimal? VafFrom,
    decimal? VafTo,
    decimal? ValueFrom,
    decimal? ValueTo,
    IReadOnlyList<string> Flags);

public sealed record ComparisonDto(
    Guid FromReportId,
    Guid ToReportId,
    string FromRole,
    string ToRole,
    string Basis,
    decimal? Concordance,
    int SharedCount,
    int ComparedCount,
    IReadOnlyList<ComparedAlterationDto> Alterations);
