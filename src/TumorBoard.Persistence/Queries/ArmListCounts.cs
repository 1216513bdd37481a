using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace TumorBoard.Persistence.Queries;

/// <summary>
/// How many latest trial rows each (trial, arm, status) has, without counting them: the table <c>arm_list_counts</c>
/// holds signed deltas that statement-level triggers on <c>latest_trial_recommendations</c> append in the writer's own
/// transaction (migration <c>LatestTrialRecommendationsTable</c>: every INSERT, COPY, UPDATE and DELETE, whoever runs it). An
/// arm's total is the sum of its few delta rows, exact at the reader's snapshot like <c>count(*)</c>, and costs the
/// same for 30 patients as for 30,000 (counting a 34,000-patient arm took 4-11 ms, docs/performance.md).
/// Writers only ever insert deltas, so concurrent ingestions never wait on each other for a shared counter row; a
/// reader that finds an arm's deltas grown past <see cref="CompactAbove"/> folds them into one row per status.
/// </summary>
public static class ArmListCounts
{
    /// <summary>Delta rows an arm may gather before a reader folds them (a full re-match adds two per status per batch).</summary>
    public const int CompactAbove = 64;

    /// <summary>The arm's total over the given statuses, and how many delta rows made it up.</summary>
    public const string TotalSql = """
        SELECT coalesce(sum(delta), 0)::int AS total, count(*)::int AS delta_rows FROM arm_list_counts
        WHERE trial_id = @trial_id AND arm_id = @arm_id AND status = ANY(@statuses)
        """;

    /// <summary>
    /// Folds an arm's deltas into one row per status (none for a status that sums to zero). Only deltas committed when
    /// the statement starts are folded; a writer's concurrent ones stay as they are, so the sums never change. One fold at
    /// a time (a transaction-scoped advisory lock; a fold that does not get it folds nothing), so two folds never wait on
    /// each other nor lock the same rows in different orders.
    /// </summary>
    public const string CompactSql = """
        WITH turn AS (SELECT pg_try_advisory_xact_lock(hashtext('arm_list_counts'), 0) AS mine),
        folded AS (
            DELETE FROM arm_list_counts c WHERE c.trial_id = @trial_id AND c.arm_id = @arm_id AND (SELECT mine FROM turn)
            RETURNING c.status, c.delta)
        INSERT INTO arm_list_counts (trial_id, arm_id, status, delta)
        SELECT @trial_id, @arm_id, status, sum(delta) FROM folded GROUP BY status HAVING sum(delta) <> 0
        """;

    /// <summary>Folds every arm's deltas (the re-match worker's periodic pass), so arms nobody reads do not gather rows.</summary>
    public const string CompactAllSql = """
        WITH turn AS (SELECT pg_try_advisory_xact_lock(hashtext('arm_list_counts'), 0) AS mine),
        folded AS (
            DELETE FROM arm_list_counts c WHERE (SELECT mine FROM turn)
            RETURNING c.trial_id, c.arm_id, c.status, c.delta)
        INSERT INTO arm_list_counts (trial_id, arm_id, status, delta)
        SELECT trial_id, arm_id, status, sum(delta) FROM folded GROUP BY trial_id, arm_id, status HAVING sum(delta) <> 0
        """;

    /// <summary>Every arm's listed totals (eligible, potential), for overviews.</summary>
    public const string ListedSql = """
        SELECT trial_id, arm_id, status, sum(delta)::int AS count FROM arm_list_counts
        WHERE status IN ('eligible', 'potential') GROUP BY trial_id, arm_id, status HAVING sum(delta) <> 0
        """;

    /// <summary>The number of latest rows of the arm with one of <paramref name="statuses"/>; folds the arm's deltas when they have grown.</summary>
    public static async Task<int> TotalAsync(this DatabaseFacade database, string trialId, string armId, IReadOnlyCollection<string> statuses, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(statuses);
        var count = await database.SqlQueryRaw<ArmListTotal>(TotalSql, Parameters(trialId, armId, statuses)).SingleAsync(ct);
        if (count.DeltaRows > CompactAbove)
        {
            await database.ExecuteSqlRawAsync(CompactSql, Parameters(trialId, armId, null), ct);
        }

        return count.Total;
    }

    /// <summary>Folds every arm's deltas into one row per (trial, arm, status); returns how many rows the fold wrote.</summary>
    public static Task<int> CompactAllAsync(this DatabaseFacade database, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.ExecuteSqlRawAsync(CompactAllSql, ct);
    }

    /// <summary>Listed totals per arm and status (statuses eligible and potential only).</summary>
    public static Task<List<ArmListCount>> ListedAsync(this DatabaseFacade database, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.SqlQueryRaw<ArmListCount>(ListedSql).ToListAsync(ct);
    }

    private static NpgsqlParameter[] Parameters(string trialId, string armId, IReadOnlyCollection<string>? statuses) => statuses is null
        ? [new("trial_id", trialId), new("arm_id", armId)]
        : [new("trial_id", trialId), new("arm_id", armId), new("statuses", statuses.ToArray())];
}

/// <summary>An arm's total over some statuses, and how many delta rows it summed.</summary>
public sealed record ArmListTotal(int Total, int DeltaRows);

/// <summary>An arm's latest rows of one status.</summary>
public sealed record ArmListCount(string TrialId, string ArmId, string Status, int Count);
