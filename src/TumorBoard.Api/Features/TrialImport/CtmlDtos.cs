namespace TumorBoard.Api.Features.TrialImport;

/// <summary>One problem or warning of a CTML document, located by JSON path.</summary>
public sealed record CtmlIssueDto(string Path, string Message);

public sealed record ImportedArmDto(string ArmId, string Title, string Status, string Selection);

/// <summary>The stored version: what the engine now uses, and the re-match job that re-evaluates the patients it can affect.</summary>
public sealed record TrialImportResponse(
    string TrialId,
    int Version,
    string ContentHash,
    bool Unchanged,
    IReadOnlyList<ImportedArmDto> Arms,
    IReadOnlyList<CtmlIssueDto> Warnings,
    Guid? RematchJobId);

public sealed record TrialVersionDto(string Version, string Source, string ContentHash, string? CreatedBy, DateTimeOffset? CreatedAt, string? MediaType, bool Current);

public sealed record TrialVersionsDto(string TrialId, IReadOnlyList<TrialVersionDto> Versions);
