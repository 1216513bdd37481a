using Microsoft.EntityFrameworkCore;
using TumorBoard.Api.Features.Audit;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Api.Features.Reviews;

/// <summary>A board decision on a recommendation, recorded under its evaluation's lock so it cannot slip in after a sign-off. For the API and the board pages.</summary>
public sealed class ReviewCommand(TumorBoardDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>The stored review, or why not (no such recommendation: not found; its evaluation is signed off: conflict).</summary>
    public async Task<Outcome<ReviewDto>> RecordAsync(Guid recommendationId, ReviewRequest request, string reviewer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var recommendation = await db.Recommendations.AsNoTracking()
            .Where(r => r.Id == recommendationId).Select(r => new { r.EvaluationId, r.PatientId }).SingleOrDefaultAsync(ct);
        if (recommendation is null)
        {
            return new(Failure.NotFound("recommendation", recommendationId));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await EvaluationLocks.LockEvaluationAsync(db, recommendation.EvaluationId, ct);
        if (await db.SignOffs.AsNoTracking().SingleOrDefaultAsync(s => s.EvaluationId == recommendation.EvaluationId, ct) is { } signedOff)
        {
            return new(SignOffConflicts.AlreadySignedOff(recommendation.EvaluationId, signedOff));
        }

        var review = new ReviewEntity
        {
            Id = Guid.CreateVersion7(),
            RecommendationId = recommendationId,
            EvaluationId = recommendation.EvaluationId,
            Decision = request.Decision!,
            Comment = request.Comment,
            Drugs = request.Drugs?.Select(d => d.Trim().ToLowerInvariant()).ToList(),
            Reviewer = reviewer,
            At = clock.GetUtcNow(),
        };
        db.Reviews.Add(review);
        audit.Record("review", "recommendation", recommendationId.ToString(), recommendation.PatientId,
            new { review.Decision, evaluationId = review.EvaluationId, reviewId = review.Id });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new(new ReviewDto(review.Id, recommendationId, review.EvaluationId, review.Decision, review.Comment, review.Drugs, review.Reviewer, review.At));
    }
}
