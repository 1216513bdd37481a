using Microsoft.EntityFrameworkCore;
using TumorBoard.Persistence;

namespace TumorBoard.Api.Features.Reviews;

/// <summary>Transaction-scoped advisory locks that serialise the reviews and sign-offs of one evaluation, and the sign-offs of one patient.</summary>
internal static class EvaluationLocks
{
    public static Task<int> LockAsync(TumorBoardDbContext db, string key, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", ct);

    public static Task<int> LockEvaluationAsync(TumorBoardDbContext db, Guid evaluationId, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"evaluation:" + evaluationId}, 0))", ct);
}
