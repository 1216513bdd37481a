using Microsoft.EntityFrameworkCore;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Entities;
using TumorBoard.Persistence.Queries;

namespace TumorBoard.Api.Features.Trials;

/// <summary>The ids of one page of an arm list, the page's number, the list's total and the cursor to the next page.</summary>
public sealed record ArmPatientsSlice(IReadOnlyList<Guid> RecommendationIds, int Page, int Total, string? NextCursor)
{
    /// <summary>The page's patients, in page order (read from the same index entries as the recommendation ids).</summary>
    public IReadOnlyList<Guid> PatientIds { get; init; } = [];
}

/// <summary>
/// Which recommendation rows make up a page of an arm's patient list. Two ways in, one order (patient id):
/// <list type="bullet">
/// <item><c>cursor</c> (keyset): <c>patient_id &gt; last id of the previous page</c>, read from the index
/// <c>(trial_id, arm_id, patient_id) INCLUDE (status, recommendation_id)</c> of <c>latest_trial_recommendations</c>
/// (the narrow latest rows) starting at that id, so the last page
/// costs what the first does; no count (the first page's total travels in the cursor).</item>
/// <item><c>page</c> (the contract's v1 parameter, kept): OFFSET over the same index from the nearer end of the list
/// (the total is known first), walking at most half of its entries.</item>
/// </list>
/// Both take the list's <c>total</c> from <see cref="ArmListCounts"/> (a sum of a few delta rows), not from counting the arm.
/// </summary>
public static class ArmPatientsQuery
{
    public static IQueryable<LatestTrialRecommendationEntity> Matches(TumorBoardDbContext db, string trialId, string armId, string[] statuses)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.LatestTrialRecommendations.AsNoTracking().InArm(trialId, armId, statuses);
    }

    /// <summary>A page by cursor when given, else by page number (1 when neither); invalid for a cursor this list did not issue.</summary>
    public static async Task<(ArmPatientsSlice? Slice, Failure? Problem)> SliceAsync(
        TumorBoardDbContext db, string trialId, string armId, string[] statuses, string? cursor, int? page, int size, CancellationToken ct)
    {
        var matches = Matches(db, trialId, armId, statuses);
        var scope = ArmPatientsCursor.ScopeOf(trialId, armId, statuses);
        if (cursor is not null)
        {
            if (page is not null)
            {
                return (null, new Failure(FailureKind.Invalid, "Use either cursor or page, not both.",
                    "cursor continues from the previous answer's nextCursor; page numbers start a list over."));
            }

            if (ArmPatientsCursor.Decode(cursor, scope) is not { } position)
            {
                return (null, new Failure(FailureKind.Invalid, "The cursor is not valid for this list.",
                    "Pass the nextCursor of a previous page of the same arm and status filter, unchanged."));
            }

            var after = position.After;
            var keyset = await matches.PageAfter(after, size + 1).ToListAsync(ct);
            return (Slice(keyset, position.Page, position.Total, size, scope), null);
        }

        var number = page ?? 1;
        // The total from the per-arm delta rows the writers' triggers keep (ArmListCounts), not a count of the arm's rows.
        var total = await db.Database.TotalAsync(trialId, armId, statuses, ct);
        var rows = await PageRowsAsync(matches, (number - 1) * size, size, total, ct);
        return (Slice(rows, number, total, size, scope), null);
    }

    /// <summary>
    /// The page's rows and one beyond it, in patient order. Past the middle of the list they are read from its end
    /// (<see cref="LatestRecommendations.PageFromEnd"/>): the last page of a 34,000-patient arm walked every earlier
    /// index entry (11.6 ms p95 at 100,000 patients, docs/performance.md) and now walks at most half of them. Rows that
    /// arrive between the total's read and the page's shift a page as they would shift an OFFSET page.
    /// </summary>
    private static async Task<List<ArmPageRow>> PageRowsAsync(IQueryable<LatestTrialRecommendationEntity> matches, int skip, int size, int total, CancellationToken ct)
    {
        if (skip <= total / 2 || skip >= total)
        {
            return await matches.PageAt(skip, size + 1).ToListAsync(ct);
        }

        // Descending positions of the page's first row and of the row beyond its end (or the list's first row).
        var first = total - 1 - skip;
        var beyond = Math.Max(0, first - size);
        var rows = await matches.PageFromEnd(beyond, first - beyond + 1).ToListAsync(ct);
        rows.Reverse();
        return rows;
    }

    /// <summary>One row beyond the page was read: there is a next page exactly when it came back.</summary>
    private static ArmPatientsSlice Slice(List<ArmPageRow> rows, int page, int total, int size, string scope)
    {
        var pageRows = rows.Take(size).ToList();
        return new(pageRows.Select(r => r.Id).ToList(), page, total,
            rows.Count > size ? new ArmPatientsCursor(pageRows[^1].PatientId, page + 1, total, scope).Encode() : null)
        {
            PatientIds = pageRows.Select(r => r.PatientId).ToList(),
        };
    }

}
