using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Api.Features.Audit;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.Features.Rematch;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.ReadModels;
using TumorBoard.Core.Trials;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Api.Features.Trials;

/// <summary>
/// Trial coordinators' routes: the catalog with live arm statuses, the patients matched to an arm
/// (answered from stored latest evaluations through an index, never by re-evaluating everyone), and
/// arm status changes.
/// </summary>
public static class TrialsApi
{
    private const int MaxPageSize = 500;

    public static IEndpointRouteBuilder MapTrials(this IEndpointRouteBuilder routes)
    {
        var reads = routes.MapGroup("/api/trials").WithTags("Trials").RequireAuthorization(Policies.ReadTrials);
        reads.MapGet("/", ListAsync).WithSummary("Every trial with its arms and their current status");
        reads.MapGet("/{trialId}", GetAsync).WithSummary("One trial: NCT ids, version, arms, citations");
        reads.MapGet("/{trialId}/arms/{armId}/patients", PatientsAsync)
            .AddEndpointFilter(DomainMetrics.TimeArmQueryAsync)
            .WithSummary("Patients whose latest evaluation matches the arm (eligible or potential by default), paged");
        routes.MapPatch("/api/trials/{trialId}/arms/{armId}", SetStatusAsync)
            .WithTags("Trials")
            .WithSummary("Open, close or suspend an arm; later reads show it at once and patients are re-matched in the background")
            .WithExample(ApiExamples.ArmStatus, StatusCodes.Status200OK, ApiExamples.ArmStatusResponse)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AddEndpointFilter<ValidationFilter<ArmStatusRequest>>()
            .RequireAuthorization(Policies.ManageTrials);
        return routes;
    }

    internal static async Task<Ok<List<TrialSummaryDto>>> ListAsync(TumorBoardDbContext db, Knowledge knowledge, CancellationToken ct)
    {
        var statuses = await ArmStatusLookup.LoadAsync(db, knowledge, ct);
        return TypedResults.Ok(knowledge.Trials.Trials.Select(t => new TrialSummaryDto(
            t.Id, t.PrimaryNctId, t.Title,
            t.Arms.Select(a => new ArmSummaryDto(a.Id, a.Title, a.Drugs, statuses.StatusOf(t.Id, a.Id))).ToList())).ToList());
    }

    private static async Task<Results<Ok<TrialDetailDto>, ProblemHttpResult>> GetAsync(string trialId, TumorBoardDbContext db, Knowledge knowledge, CancellationToken ct)
    {
        if (knowledge.Trials.Find(trialId) is not { } trial)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No trial '{trialId}'.");
        }

        var statuses = await ArmStatusLookup.LoadAsync(db, knowledge, ct);
        var history = (await db.ArmStatusChanges.AsNoTracking().Where(c => c.TrialId == trial.Id).OrderByDescending(c => c.Id).ToListAsync(ct))
            .ToLookup(c => c.ArmId, EvaluationCauses.ToDto);
        return TypedResults.Ok(new TrialDetailDto(trial.Id, trial.NctIds, trial.Title, trial.Version, trial.ContentHash, Citations(trial.Citations),
            trial.Arms.Select(a => new ArmDetailDto(a.Id, a.Title, a.Drugs, statuses.StatusOf(trial.Id, a.Id), a.DefaultStatus.ToCode(),
                a.NctId, a.LevelOfEvidence, a.Escat?.ToString(), a.IsNonMatch, Citations(a.Citations))
            { StatusHistory = history[a.Id].ToList() }).ToList())
        { NctId = trial.PrimaryNctId });
    }

    internal static async Task<Results<Ok<ArmPatientsPage>, ProblemHttpResult>> PatientsAsync(
        string trialId, string armId, string? status, int? page, int? pageSize, TumorBoardDbContext db, Knowledge knowledge, AuditLog audit, CancellationToken ct,
        string? cursor = null, [FromQuery(Name = "size")] int? sizeAlias = null)
    {
        if (FindArm(knowledge, trialId, armId) is not { } arm)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No arm '{armId}' in trial '{trialId}'.");
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
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "status must be eligible, potential or ineligible.");
        }

        if (Paging.Check(("page", page, 1, Paging.MaxPage), ("pageSize", pageSize, 1, MaxPageSize), ("size", sizeAlias, 1, MaxPageSize)) is { } outOfRange)
        {
            return outOfRange;
        }

        // size is the v2 contract's name for pageSize (either is accepted; both must agree).
        if (sizeAlias is not null && pageSize is not null && sizeAlias != pageSize)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "size and pageSize name the same thing: give one, or the same value.");
        }

        pageSize ??= sizeAlias;

        var size = pageSize ?? 50;
        // The page's ids first (read in patient order from an index, stopping at the page; by cursor or page
        // number), then only their rows: ordering the whole arm's rows, payloads included, took 100-300 ms for an
        // arm of 34,000 patients.
        var (slice, invalid) = await ArmPatientsQuery.SliceAsync(db, trialId, armId, statuses, cursor, page, size, ct);
        if (invalid is not null)
        {
            return invalid;
        }

        // A coordinator's list shows patients: on record like any other read (ids only, no identifiers), written in the
        // same statement batch as the page's reads (ArmPageReader).
        var (number, total) = (slice!.Page, slice.Total);
        var record = audit.Event("read", "arm-patients", $"{trialId}/{armId}", null, new { statuses, page = number, pageSize = size, patientIds = slice.PatientIds });
        var content = await ArmPageReader.ReadAsync(db, trialId, armId, slice, record, ct);
        var items = content.Items.ConvertAll(r =>
        {
            var trial = JsonSerializer.Deserialize<TrialRecommendationDto>(r.Payload, EvaluationJsonContext.DocumentJson)!;
            return new ArmPatientDto(r.PatientId, r.Patient.Identifiers, r.Patient.TumorType, r.Status, trial.Criteria, r.EvaluationId);
        });
        return TypedResults.Ok(new ArmPatientsPage(total, number, size, items)
        {
            NextCursor = slice.NextCursor,
            ArmStatus = content.StatusOverride ?? arm.Arm.DefaultStatus.ToCode(),
            LastStatusChange = content.LastChange is null ? null : EvaluationCauses.ToDto(content.LastChange),
        });
    }

    internal static async Task<Results<Ok<ArmSummaryDto>, ProblemHttpResult>> SetStatusAsync(
        string trialId, string armId, ArmStatusRequest request, HttpContext http, TumorBoardDbContext db, Knowledge knowledge,
        AuditLog audit, RematchSignal rematch, TimeProvider clock, CancellationToken ct)
    {
        if (FindArm(knowledge, trialId, armId) is not { } arm)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No arm '{armId}' in trial '{trialId}'.");
        }

        if (!ArmStatuses.TryParse(request.Status, out var parsed))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "status must be open, closed or suspended.");
        }

        var status = parsed.ToCode();
        var previous = (await ArmStatusLookup.LoadAsync(db, knowledge, ct)).StatusOf(arm.Trial.Id, arm.Arm.Id);
        var actor = http.Subject() ?? "unknown";
        var now = clock.GetUtcNow();
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        var row = await db.ArmStatuses.FindAsync([arm.Trial.Id, arm.Arm.Id], ct);
        if (row is null)
        {
            db.ArmStatuses.Add(new ArmStatusEntity { TrialId = arm.Trial.Id, ArmId = arm.Arm.Id, Status = status, UpdatedBy = actor, UpdatedAt = now });
        }
        else
        {
            row.Status = status;
            row.UpdatedBy = actor;
            row.UpdatedAt = now;
        }

        db.ArmStatusChanges.Add(new ArmStatusChangeEntity
        {
            TrialId = arm.Trial.Id,
            ArmId = arm.Arm.Id,
            FromStatus = previous,
            ToStatus = status,
            ChangedBy = actor,
            ChangedAt = now,
            Reason = reason,
        });
        audit.Record("arm-status", "arm", $"{arm.Trial.Id}/{arm.Arm.Id}", null, new { from = previous, to = status, status, reason });
        // The status and its re-match job commit together, so no worker sees stale evaluations without the job.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        // A durable job every instance hears about (NOTIFY); the local signal saves this one a round trip. It re-matches
        // only the patients listed on this arm, trial part only (ADR 0003).
        await ArmRematchScope.EnqueueAsync(db, arm.Trial.Id, arm.Arm.Id, actor, clock, ct);
        await transaction.CommitAsync(ct);
        rematch.Request();
        return TypedResults.Ok(new ArmSummaryDto(arm.Arm.Id, arm.Arm.Title, arm.Arm.Drugs, status));
    }

    private static (Trial Trial, TrialArm Arm)? FindArm(Knowledge knowledge, string trialId, string armId) =>
        knowledge.Trials.Find(trialId) is { } trial && trial.Arms.FirstOrDefault(a => string.Equals(a.Id, armId, StringComparison.OrdinalIgnoreCase)) is { } arm
            ? (trial, arm)
            : null;

    private static List<CitationDto> Citations(IEnumerable<Core.Rules.Citation> citations) =>
        citations.Select(c => new CitationDto(c.Type.ToString().ToLowerInvariant(), c.Id, c.Note)).ToList();
}
