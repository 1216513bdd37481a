using FluentValidation;
using TumorBoard.Api.ReadModels;
using TumorBoard.Core.Trials;

namespace TumorBoard.Api.Features.Trials;

public sealed record ArmSummaryDto(string ArmId, string Title, IReadOnlyList<string> Drugs, string Status);

public sealed record TrialSummaryDto(string TrialId, string NctId, string Title, IReadOnlyList<ArmSummaryDto> Arms);

public sealed record ArmDetailDto(
    string ArmId,
    string Title,
    IReadOnlyList<string> Drugs,
    string Status,
    string DefaultStatus,
    string? NctId,
    string? LevelOfEvidence,
    string? Escat,
    bool IsNonMatch,
    IReadOnlyList<CitationDto> Citations)
{
    /// <summary>Every status change of the arm, newest first: who, when, from, to and why.</summary>
    public IReadOnlyList<ArmStatusChangeDto> StatusHistory { get; init; } = [];
}

public sealed record TrialDetailDto(
    string TrialId,
    IReadOnlyList<string> NctIds,
    string Title,
    string Version,
    string ContentHash,
    IReadOnlyList<CitationDto> Citations,
    IReadOnlyList<ArmDetailDto> Arms)
{
    /// <summary>The trial's primary NCT id, as in <c>GET /api/trials</c> (<see cref="NctIds"/> lists them all).</summary>
    public string? NctId { get; init; }
}

public sealed record ArmPatientDto(
    Guid PatientId,
    IReadOnlyList<IdentifierDto> Identifiers,
    TumorTypeDto? TumorType,
    string Status,
    IReadOnlyList<TrialCriterionDto> Criteria,
    Guid EvaluationId);

public sealed record ArmPatientsPage(int Total, int Page, int PageSize, IReadOnlyList<ArmPatientDto> Items)
{
    /// <summary>
    /// Pass as <c>cursor</c> for the next page (keyset: the last page costs what the first does); null on the last page.
    /// With a cursor, <c>total</c> is the count taken on the first page.
    /// </summary>
    public string? NextCursor { get; init; }

    /// <summary>The arm's accrual status now (open, closed, suspended): a patient listed here may not be enrollable.</summary>
    public string? ArmStatus { get; init; }

    /// <summary>The arm's latest status change, when a coordinator changed it.</summary>
    public ArmStatusChangeDto? LastStatusChange { get; init; }
}

/// <summary>An arm status change.</summary>
/// <param name="Status">open, closed or suspended.</param>
/// <param name="Reason">Why, for the board and the audit trail (optional, up to 1000 characters).</param>
public sealed record ArmStatusRequest(string? Status, string? Reason = null);

public sealed class ArmStatusRequestValidator : AbstractValidator<ArmStatusRequest>
{
    public ArmStatusRequestValidator()
    {
        RuleFor(r => r.Status).Must(s => ArmStatuses.TryParse(s, out _)).WithMessage("status must be open, closed or suspended, e.g. {\"status\": \"closed\", \"reason\": \"accrual complete\"}.");
        RuleFor(r => r.Reason).MaximumLength(1000);
    }
}
