using Microsoft.EntityFrameworkCore;
using TumorBoard.Persistence;

namespace TumorBoard.Api.ReadModels;

/// <summary>
/// Joins the board's state into a patient's recommendations read: the signed-off record, the pending
/// evaluation with its causes and unreviewed count, and the difference between the two.
/// </summary>
public static class BoardState
{
    public static async Task<EvaluationDocument> JoinAsync(TumorBoardDbContext db, EvaluationDocument document, EvaluationHistory history, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(history);
        var signedOff = history.SignedOff;
        var pending = history.Pending;
        SignedOffSummaryDto? record = null;
        if (signedOff is not null && history.SignOffOf(signedOff.Id) is { } signOff)
        {
            record = new SignedOffSummaryDto(signedOff.Id, signedOff.EvaluatedAt, signOff.Actor, signOff.At, signOff.Comment, signOff.AcceptedUnreviewed, signOff.UnreviewedRecommendationIds.Count);
        }

        PendingSummaryDto? review = null;
        ChangesSinceSignOffDto? changes = null;
        if (pending is not null)
        {
            var causes = history.CausesSinceSignOff();
            review = new PendingSummaryDto(pending.Id, pending.EvaluatedAt, pending.Trigger, await UnreviewedCountAsync(db, pending.Id, ct), causes);
            if (signedOff is not null
                && await EvaluationReader.LoadStoredAsync(db, signedOff.Id, ct) is { } before
                && await EvaluationReader.LoadStoredAsync(db, pending.Id, ct) is { } after)
            {
                var (therapies, trials) = EvaluationDiff.Between(before, after);
                var empty = IsEmpty(therapies) && IsEmpty(trials);
                changes = new ChangesSinceSignOffDto(signedOff.Id, pending.Id, therapies, trials, causes, empty);
            }
        }

        return document with
        {
            SignedOffEvaluationId = signedOff?.Id,
            PendingEvaluationId = pending?.Id,
            SignedOffRecord = record,
            PendingReview = review,
            ChangesSinceSignOff = changes,
        };
    }

    /// <summary>Recommendations of the evaluation that no board member has reviewed yet.</summary>
    public static async Task<List<Guid>> UnreviewedAsync(TumorBoardDbContext db, Guid evaluationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var reviewed = db.Reviews.Where(r => r.EvaluationId == evaluationId).Select(r => r.RecommendationId);
        return await db.Recommendations.AsNoTracking()
            .Where(r => r.EvaluationId == evaluationId && !reviewed.Contains(r.Id))
            .OrderBy(r => r.Id)
            .Select(r => r.Id)
            .ToListAsync(ct);
    }

    private static async Task<int> UnreviewedCountAsync(TumorBoardDbContext db, Guid evaluationId, CancellationToken ct) =>
        (await UnreviewedAsync(db, evaluationId, ct)).Count;

    private static bool IsEmpty(FindingChangesDto changes) => changes.Added.Count == 0 && changes.Removed.Count == 0 && changes.Changed.Count == 0;
}
