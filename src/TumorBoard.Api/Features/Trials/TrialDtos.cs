using FluentValidation;
using TumorBoard.Api.Features.Patients;
using TumorBoard.Api.Features.Recommendations;
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
    IReadOnlyList<CitationDto> Citations);

public sealed record TrialDetailDto(
    string TrialId,
    IReadOnlyList<string> NctIds,
    string Title,
    string Version,
    string ContentHash,
    IReadOnlyList<CitationDto> Citations,
    IReadOnlyList<ArmDetailDto> Arms);

public sealed record ArmPatientDto(
    Guid PatientId,
    IReadOnlyList<IdentifierDto> Identifiers,
    TumorTypeDto? TumorType,
    string Status,
    IReadOnlyList<TrialCriterionDto> Criteria,
    Guid EvaluationId);

public sealed record ArmPatientsPage(int Total, int Page, int PageSize, IReadOnlyList<ArmPatientDto> Items);

public sealed record ArmStatusRequest(string? Status);

public sealed class ArmStatusRequestValidator : AbstractValidator<ArmStatusRequest>
{
    public ArmStatusRequestValidator() =>
        RuleFor(r => r.Status).Must(s => ArmStatuses.TryParse(s, out _)).WithMessage("status must be open, closed or suspended.");
}
