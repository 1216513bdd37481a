using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace TumorBoard.Persistence.Queries;

/// <summary>
/// One row of <see cref="TrialState.Sql"/>: kind 0 is the newest stored trial version (id and time, absent when none
/// is stored), kind 1 an arm-status override (trial, arm, status).
/// </summary>
public sealed record TrialStateRow(int Kind, long? VersionId, DateTimeOffset? VersionCreatedAt, string? TrialId, string? ArmId, string? Status);

/// <summary>
/// What every evaluation needs to know about trials that other replicas may have changed: the newest
/// <c>trial_versions</c> row (has a CTML import happened?) and the arm-status overrides coordinators set. Both are read
/// per request, in one statement (one round trip instead of two EF queries; docs/performance.md, issue 12, session 4),
/// so a change made through any replica is seen by the next evaluation on every replica.
/// </summary>
public static class TrialState
{
    /// <summary>The overrides come in (trial, arm) order, as the stamp that hashes them has always taken them.</summary>
    public const string Sql = """
        SELECT 0 AS kind, v.id AS version_id, v.created_at AS version_created_at, NULL::text AS trial_id, NULL::text AS arm_id, NULL::text AS status
        FROM (SELECT id, created_at FROM trial_versions ORDER BY id DESC LIMIT 1) AS v
        UNION ALL
        SELECT 1, NULL, NULL, trial_id, arm_id, status FROM arm_statuses
        ORDER BY kind, trial_id, arm_id
        """;

    /// <summary>Runs <see cref="Sql"/> (in the caller's transaction, if any).</summary>
    public static Task<List<TrialStateRow>> ReadTrialStateAsync(this DatabaseFacade database, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.SqlQueryRaw<TrialStateRow>(Sql).ToListAsync(ct);
    }

    /// <summary>
    /// Reads the rows of <see cref="Sql"/> from the current result of <paramref name="reader"/>: for a caller that sends the
    /// statement in a batch with others (ingestion's one round trip before it writes).
    /// </summary>
    public static async Task<List<TrialStateRow>> ReadRowsAsync(DbDataReader reader, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rows = new List<TrialStateRow>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new TrialStateRow(
                reader.GetInt32(0),
                reader.IsDBNull(1) ? null : reader.GetInt64(1),
                reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return rows;
    }
}
