using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using TumorBoard.TestSupport;

namespace TumorBoard.Persistence.Tests;

/// <summary>
/// The migration <c>LatestTrialRecommendationsTable</c> on a database that already holds evaluations: the latest trial
/// rows (and only they) move into <c>latest_trial_recommendations</c>, the arm totals are recounted from them, the flag
/// goes, and going back down restores exactly the flags there were.
/// </summary>
public sealed class LatestRowsMigrationTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private const string Before = "ArmListCountDeltasLz4Documents";

    // Patient 1: an older evaluation (A potential, no longer latest) and its latest one (A eligible, B ineligible, a
    // therapy). Patient 2: one evaluation (A potential, a therapy, a trial row without an arm). Patient 3: never evaluated.
    private const string Seed = """
        INSERT INTO patients (id, created_at, updated_at) VALUES
            ('00000000-0000-0000-0000-000000000001', now(), now()),
            ('00000000-0000-0000-0000-000000000002', now(), now()),
            ('00000000-0000-0000-0000-000000000003', now(), now());
        INSERT INTO evaluations (id, patient_id, evaluated_at, knowledge_base_version, knowledge_base_hash, trials_version, trials_hash, report_ids, trigger, document) VALUES
            ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-000000000001', now(), '1', 'kb', '1', 'trials', '{}', 'test', '{}'),
            ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-000000000001', now(), '2', 'kb', '1', 'trials', '{}', 'test', '{}'),
            ('00000000-0000-0000-0000-0000000000a2', '00000000-0000-0000-0000-000000000002', now(), '1', 'kb', '1', 'trials', '{}', 'test', '{}');
        UPDATE patients SET latest_evaluation_id = '00000000-0000-0000-0000-0000000000b1' WHERE id = '00000000-0000-0000-0000-000000000001';
        UPDATE patients SET latest_evaluation_id = '00000000-0000-0000-0000-0000000000a2' WHERE id = '00000000-0000-0000-0000-000000000002';
        INSERT INTO recommendations (id, evaluation_id, patient_id, kind, trial_id, arm_id, status, arm_status, is_latest, payload) VALUES
            ('00000000-0000-0000-0000-000000000c01', '00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-000000000001', 'trial', 'T', 'A', 'potential', 'open', false, '{}'),
            ('00000000-0000-0000-0000-000000000c02', '00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-000000000001', 'trial', 'T', 'A', 'eligible', 'open', true, '{}'),
            ('00000000-0000-0000-0000-000000000c03', '00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-000000000001', 'trial', 'T', 'B', 'ineligible', NULL, true, '{}'),
            ('00000000-0000-0000-0000-000000000c04', '00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-000000000001', 'therapy', NULL, NULL, NULL, NULL, true, NULL),
            ('00000000-0000-0000-0000-000000000c05', '00000000-0000-0000-0000-0000000000a2', '00000000-0000-0000-0000-000000000002', 'trial', 'T', 'A', 'potential', 'closed', true, '{}'),
            ('00000000-0000-0000-0000-000000000c06', '00000000-0000-0000-0000-0000000000a2', '00000000-0000-0000-0000-000000000002', 'therapy', NULL, NULL, NULL, NULL, true, NULL),
            ('00000000-0000-0000-0000-000000000c07', '00000000-0000-0000-0000-0000000000a2', '00000000-0000-0000-0000-000000000002', 'trial', 'T', NULL, 'potential', NULL, true, '{}');
        """;

    [Fact]
    public async Task Existing_latest_trial_rows_move_to_the_narrow_table_with_their_totals_and_come_back_as_flags_on_the_way_down()
    {
        await MigrateAsync(Before);
        await ExecuteAsync(Seed);
        var flaggedBefore = await RowsAsync("SELECT id::text FROM recommendations WHERE is_latest");

        await MigrateAsync(null);

        Assert.Equal(
            ["c02 00000000-0000-0000-0000-000000000001 T A eligible open", "c03 00000000-0000-0000-0000-000000000001 T B ineligible -",
             "c05 00000000-0000-0000-0000-000000000002 T A potential closed"],
            await RowsAsync("""
                SELECT right(recommendation_id::text, 3) || ' ' || patient_id || ' ' || trial_id || ' ' || arm_id || ' ' || status || ' ' || coalesce(arm_status, '-')
                FROM latest_trial_recommendations
                """));
        Assert.Equal(
            ["T A eligible 1", "T A potential 1", "T B ineligible 1"],
            await RowsAsync("SELECT trial_id || ' ' || arm_id || ' ' || status || ' ' || sum(delta) FROM arm_list_counts GROUP BY trial_id, arm_id, status"));
        Assert.Empty(await RowsAsync("SELECT column_name FROM information_schema.columns WHERE table_name = 'recommendations' AND column_name = 'is_latest'"));
        // The triggers now follow the narrow table: a writer's clear moves the totals.
        await ExecuteAsync("DELETE FROM latest_trial_recommendations WHERE patient_id = '00000000-0000-0000-0000-000000000002'");
        Assert.Equal(
            ["T A eligible 1", "T B ineligible 1"],
            await RowsAsync("SELECT trial_id || ' ' || arm_id || ' ' || status || ' ' || sum(delta) FROM arm_list_counts GROUP BY trial_id, arm_id, status HAVING sum(delta) <> 0"));

        await MigrateAsync(Before);

        Assert.Equal(flaggedBefore, await RowsAsync("SELECT id::text FROM recommendations WHERE is_latest"));
        Assert.Equal(
            ["T A eligible 1", "T A potential 1", "T B ineligible 1"],
            await RowsAsync("SELECT trial_id || ' ' || arm_id || ' ' || status || ' ' || sum(delta) FROM arm_list_counts GROUP BY trial_id, arm_id, status"));
        Assert.Empty(await RowsAsync("SELECT table_name FROM information_schema.tables WHERE table_name = 'latest_trial_recommendations'"));
    }

    private async Task MigrateAsync(string? target)
    {
        await using var db = database.NewContext();
        await db.GetService<IMigrator>().MigrateAsync(target);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of every row, sorted (ordinal).</summary>
    private async Task<List<string>> RowsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
