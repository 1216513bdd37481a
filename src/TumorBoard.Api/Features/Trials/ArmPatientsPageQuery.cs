using TumorBoard.Api.Features.Audit;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.ReadModels;
using TumorBoard.Core.Trials;
using TumorBoard.Persistence;

namespace TumorBoard.Api.Features.Trials;

/// <summary>
/// One page of the patients whose latest evaluation matches an arm (eligible or potential by default), answered from
/// stored latest evaluations through an index, never by re-evaluating everyone; the read is audited. For the API and the board's arm page.
/// </summary>
public sealed class ArmPatientsPageQuery(TumorBoardDbContext db, Knowledge knowledge, AuditLog audit)
{
    public const int MaxPageSize = 500;

    public async Task<Outcome<ArmPatientsPage>> PageAsync(string trialId, string armId, string? status, int? page, int? pageSize, string? cursor, CancellationToken ct, int? sizeAlias = null)
    {
        if (TrialCatalogQuery.FindArm(knowledge, trialId, armId) is not { } arm)
        {
            return new(TrialCatalogQuery.NoArm(trialId, armId));
        }

        (trialId, armId) = (arm.Trial.Id, arm.Arm.Id);
        string[] statuses = status switch
        {
            null or "" => ["eligible", "potential"],
            "eligible" or "potential" or "ineligible" => [status],
            _ => [],
        };
        if (statuses.Length == 0)
        {
            return new(new Failure(FailureKind.Invalid, "status must be eligible, potential or ineligible."));
        }

        if (Paging.OutOfRange(("page", page, 1, Paging.MaxPage), ("pageSize", pageSize, 1, MaxPageSize), ("size", sizeAlias, 1, MaxPageSize)) is { } outOfRange)
        {
            return new(outOfRange);
        }

        // size is the v2 contract's name for pageSize (either is accepted; both must agree).
        if (sizeAlias is not null && pageSize is not null && sizeAlias != pageSize)
        {
            return new(new Failure(FailureKind.Invalid, "size and pageSize name the same thing: give one, or the same value."));
        }

        pageSize ??= sizeAlias;

        var size = pageSize ?? 50;
        // The page's ids first (read in patient order from an index, stopping at the page; by cursor or page
        // number), then only their rows: ordering the whole arm's rows, payloads included, took 100-300 ms for an
        // arm of 34,000 patients.
        var (slice, invalid) = await ArmPatientsQuery.SliceAsync(db, trialId, armId, statuses, cursor, page, size, ct);
        if (invalid is not null)
        {
            return new(invalid);
        }

        // A coordinator's list shows patients: on record like any other read (ids only, no identifiers), written in the
        // same statement batch as the page's reads (ArmPageReader).
        var (number, total) = (slice!.Page, slice.Total);
        var record = audit.Event("read", "arm-patients", $"{trialId}/{armId}", null, new { statuses, page = number, pageSize = size, patientIds = slice.PatientIds });
        var content = await ArmPageReader.ReadAsync(db, trialId, armId, slice, record, ct);
        var items = content.Items.ConvertAll(r =>
            new ArmPatientDto(r.PatientId, r.Patient.Identifiers, r.Patient.TumorType, r.Status, TrialRowPayload.CriteriaOf(r.Payload), r.EvaluationId));
        return new(new ArmPatientsPage(total, number, size, items)
        {
            NextCursor = slice.NextCursor,
            ArmStatus = content.StatusOverride ?? arm.Arm.DefaultStatus.ToCode(),
            LastStatusChange = content.LastChange is null ? null : EvaluationCauses.ToDto(content.LastChange),
        });
    }
}
