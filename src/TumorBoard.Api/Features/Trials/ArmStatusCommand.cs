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
/// A coordinator opens, closes or suspends an arm: the status, its history row and the audit record are stored with
/// the arm's re-match job in one transaction, then this instance's re-matcher is woken. For the API and the board pages.
/// </summary>
public sealed class ArmStatusCommand(TumorBoardDbContext db, Knowledge knowledge, AuditLog audit, RematchSignal rematch, TimeProvider clock)
{
    /// <summary>The arm with its new status, or why not (no such arm: not found; an unknown status: unprocessable).</summary>
    public async Task<Outcome<ArmSummaryDto>> ChangeAsync(string trialId, string armId, ArmStatusRequest request, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (TrialCatalogQuery.FindArm(knowledge, trialId, armId) is not { } arm)
        {
            return new(TrialCatalogQuery.NoArm(trialId, armId));
        }

        if (!ArmStatuses.TryParse(request.Status, out var parsed))
        {
            return new(new Failure(FailureKind.Unprocessable, "status must be open, closed or suspended."));
        }

        var status = parsed.ToCode();
        var previous = (await ArmStatusLookup.LoadAsync(db, knowledge, ct)).StatusOf(arm.Trial.Id, arm.Arm.Id);
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
        return new(new ArmSummaryDto(arm.Arm.Id, arm.Arm.Title, arm.Arm.Drugs, status));
    }
}
