using Microsoft.EntityFrameworkCore;
using TumorBoard.Api.Features.Audit;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.ReadModels;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Api.Features.Reviews;

/// <summary>
/// The sign-off that makes an evaluation the patient's signed-off record and locks it against further reviews. Sign-offs
/// of one patient are serialised, so "the newest signed-off evaluation" has one answer. For the API and the board pages.
/// </summary>
public sealed class SignOffCommand(TumorBoardDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>
    /// The stored sign-off, or why not: no such evaluation (not found); it is already signed off, a newer evaluation of
    /// the patient is, or recommendations are unreviewed and the request does not accept that (conflicts).
    /// </summary>
    public async Task<Outcome<SignOffDto>> SignOffAsync(Guid evaluationId, SignOffRequest request, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var evaluation = await db.Evaluations.Where(e => e.Id == evaluationId).Select(e => new { e.PatientId, e.EvaluatedAt }).SingleOrDefaultAsync(ct);
        if (evaluation is null)
        {
            return new(Failure.NotFound("evaluation", evaluationId));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await EvaluationLocks.LockAsync(db, "patient-sign-off:" + evaluation.PatientId, ct);
        await EvaluationLocks.LockEvaluationAsync(db, evaluationId, ct);
        if (await db.SignOffs.AsNoTracking().SingleOrDefaultAsync(s => s.EvaluationId == evaluationId, ct) is { } existing)
        {
            return new(SignOffConflicts.AlreadySignedOff(evaluationId, existing));
        }

        var newer = await (from s in db.SignOffs
                           join e in db.Evaluations on s.EvaluationId equals e.Id
                           where e.PatientId == evaluation.PatientId && e.EvaluatedAt > evaluation.EvaluatedAt
                           orderby e.EvaluatedAt descending
                           select new { s, e.EvaluatedAt }).FirstOrDefaultAsync(ct);
        if (newer is not null)
        {
            return new(SignOffConflicts.NewerSignedOff(evaluationId, newer.s));
        }

        var unreviewed = await BoardState.UnreviewedAsync(db, evaluationId, ct);
        if (unreviewed.Count > 0 && request.AcceptUnreviewed != true)
        {
            return new(SignOffConflicts.Unreviewed(evaluationId, unreviewed));
        }

        var signOff = new SignOffEntity
        {
            EvaluationId = evaluationId,
            Actor = actor,
            At = clock.GetUtcNow(),
            Comment = request.Comment,
            AcceptedUnreviewed = unreviewed.Count > 0,
            UnreviewedRecommendationIds = unreviewed,
        };
        db.SignOffs.Add(signOff);
        audit.Record("sign-off", "evaluation", evaluationId.ToString(), evaluation.PatientId,
            new { acceptedUnreviewed = signOff.AcceptedUnreviewed, unreviewedCount = unreviewed.Count });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new(new SignOffDto(evaluationId, signOff.Actor, signOff.At, signOff.Comment, signOff.AcceptedUnreviewed, unreviewed));
    }
}
