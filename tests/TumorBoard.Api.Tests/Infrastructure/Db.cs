using Npgsql;

namespace TumorBoard.Api.Tests.Infrastructure;

/// <summary>Direct SQL on the test database, to check what was (or was not) stored.</summary>
public static class Db
{
    /// <summary>
    /// The rows on which <c>latest_trial_recommendations</c> and the trial rows of the patients' latest evaluations
    /// disagree (missing on either side, or a different patient, arm, status or arm status): none after any write.
    /// A FROM item for <see cref="CountAsync"/>.
    /// </summary>
    public const string LatestRowsDrift = """
        (SELECT r.id, r.patient_id, r.trial_id, r.arm_id, r.status, r.arm_status FROM recommendations r
         JOIN patients p ON p.latest_evaluation_id = r.evaluation_id WHERE r.kind = 'trial') truth
        FULL JOIN latest_trial_recommendations l ON l.recommendation_id = truth.id
        WHERE truth.id IS NULL OR l.recommendation_id IS NULL
           OR (l.patient_id, l.trial_id, l.arm_id, l.status, l.arm_status)
              IS DISTINCT FROM (truth.patient_id, truth.trial_id, truth.arm_id, truth.status, truth.arm_status)
        """;

    public static async Task<long> CountAsync(this TumorBoardApp app, string table)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// What a new knowledge base does to the re-match: every patient's latest evaluation names another hash, so all are
    /// stale. Evaluations are append-only; the trigger is lifted for this one statement on the test database.
    /// </summary>
    public static async Task MakeLatestEvaluationsStaleAsync(this TumorBoardApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            ALTER TABLE evaluations DISABLE TRIGGER USER;
            UPDATE evaluations SET knowledge_base_hash = 'previous-knowledge-base' WHERE id IN (SELECT latest_evaluation_id FROM patients);
            ALTER TABLE evaluations ENABLE TRIGGER USER;
            """, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<long> TotalRowsAsync(this TumorBoardApp app)
    {
        long total = 0;
        foreach (var table in new[] { "patients", "patient_identifiers", "ingested_bundles", "reports", "report_versions", "specimens", "alterations", "conditions", "prior_therapies", "evaluations", "recommendations", "latest_trial_recommendations" })
        {
            total += await app.CountAsync(table);
        }

        return total;
    }
}
