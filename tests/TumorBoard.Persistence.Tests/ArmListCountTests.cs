using Microsoft.EntityFrameworkCore;
using Npgsql;
using TumorBoard.Persistence.Queries;
using TumorBoard.TestSupport;

namespace TumorBoard.Persistence.Tests;

/// <summary>
/// The arm totals kept by the triggers on latest_trial_recommendations (ArmListCounts) always equal a count of the latest
/// rows, whatever statement changed them: inserts, the writers' clear of a patient's latest rows, deletes, updates, a
/// rolled-back writer and a reader's fold.
/// </summary>
public sealed class ArmListCountTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    // 40 patients, each an evaluation with a potential row on A, an eligible or ineligible row on B, and a therapy row.
    private const string Seed = """
        INSERT INTO patients (id, created_at, updated_at)
            SELECT ('00000000-0000-0000-0000-' || lpad(to_hex(g), 12, '0'))::uuid, now(), now() FROM generate_series(1, 40) g;
        INSERT INTO evaluations (id, patient_id, evaluated_at, knowledge_base_version, knowledge_base_hash, trials_version, trials_hash, report_ids, trigger, document)
            SELECT id, id, now(), '1', 'kb', '1', 'trials', '{}', 'test', '{}' FROM patients;
        INSERT INTO recommendations (id, evaluation_id, patient_id, kind, trial_id, arm_id, status, payload)
            SELECT gen_random_uuid(), e.id, e.patient_id, 'trial', 'T', 'A', 'potential', '{}'::json FROM evaluations e
            UNION ALL
            SELECT gen_random_uuid(), e.id, e.patient_id, 'trial', 'T', 'B',
                   CASE WHEN right(e.id::text, 1) IN ('1', '3', '5') THEN 'ineligible' ELSE 'eligible' END, '{}'::json FROM evaluations e
            UNION ALL
            SELECT gen_random_uuid(), e.id, e.patient_id, 'therapy', NULL, NULL, NULL, NULL::json FROM evaluations e;
        INSERT INTO latest_trial_recommendations (recommendation_id, patient_id, trial_id, arm_id, status, arm_status)
            SELECT id, patient_id, trial_id, arm_id, status, 'open' FROM recommendations WHERE kind = 'trial';
        """;

    private static readonly string[] Listed = ["eligible", "potential"];

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        await ExecuteAsync(Seed);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Inserted_latest_rows_are_counted_per_arm_and_status()
    {
        await AssertTotalsMatchCountsAsync();
        Assert.Equal(40, await TotalAsync("A", Listed));
    }

    [Fact]
    public async Task Clearing_latest_rows_and_adding_a_new_evaluation_moves_the_totals()
    {
        await using (var db = database.NewContext())
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var patients = await db.Patients.OrderBy(p => p.Id).Take(10).Select(p => p.Id).ToListAsync();
            await db.Database.ClearLatestAsync<ClearedRow>(patients, CancellationToken.None);
            // Their new evaluations list them on B as potential only.
            await ExecuteAsync(db, """
                INSERT INTO evaluations (id, patient_id, evaluated_at, knowledge_base_version, knowledge_base_hash, trials_version, trials_hash, report_ids, trigger, document)
                    SELECT gen_random_uuid(), id, now(), '2', 'kb2', '1', 'trials', ARRAY[]::uuid[], 'test', json_build_object() FROM patients ORDER BY id LIMIT 10;
                INSERT INTO recommendations (id, evaluation_id, patient_id, kind, trial_id, arm_id, status, payload)
                    SELECT gen_random_uuid(), e.id, e.patient_id, 'trial', 'T', 'B', 'potential', json_build_object() FROM evaluations e WHERE e.knowledge_base_hash = 'kb2';
                INSERT INTO latest_trial_recommendations (recommendation_id, patient_id, trial_id, arm_id, status, arm_status)
                    SELECT r.id, r.patient_id, r.trial_id, r.arm_id, r.status, 'open' FROM recommendations r
                    JOIN evaluations e ON e.id = r.evaluation_id WHERE e.knowledge_base_hash = 'kb2';
                """);
            await transaction.CommitAsync();
        }

        await AssertTotalsMatchCountsAsync();
        Assert.Equal(30, await TotalAsync("A", Listed));
        Assert.Equal(10, await TotalAsync("B", ["potential"]));
    }

    [Fact]
    public async Task A_rolled_back_writer_leaves_the_totals_as_they_were()
    {
        await using (var db = database.NewContext())
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.Database.ClearLatestAsync<ClearedRow>(await db.Patients.Select(p => p.Id).ToListAsync(), CancellationToken.None);
            Assert.Equal(0, await db.Database.TotalAsync("T", "A", Listed, CancellationToken.None));
            await transaction.RollbackAsync();
        }

        Assert.Equal(40, await TotalAsync("A", Listed));
    }

    [Fact]
    public async Task Deleted_latest_rows_leave_the_totals()
    {
        await ExecuteAsync("DELETE FROM latest_trial_recommendations WHERE arm_id = 'A' AND patient_id IN (SELECT id FROM patients ORDER BY id LIMIT 4)");

        await AssertTotalsMatchCountsAsync();
        Assert.Equal(36, await TotalAsync("A", Listed));
    }

    [Fact]
    public async Task An_updated_latest_row_moves_from_its_old_status_to_its_new_one()
    {
        await ExecuteAsync("UPDATE latest_trial_recommendations SET status = 'eligible' WHERE arm_id = 'A' AND patient_id IN (SELECT id FROM patients ORDER BY id LIMIT 4)");

        await AssertTotalsMatchCountsAsync();
        Assert.Equal(4, await TotalAsync("A", ["eligible"]));
        Assert.Equal(36, await TotalAsync("A", ["potential"]));
        Assert.Equal(40, await TotalAsync("A", Listed));
    }

    [Fact]
    public async Task A_reader_folds_an_arms_many_deltas_into_one_row_per_status_and_the_total_stays()
    {
        // One statement per patient: 40 clears and 40 inserts, each its own delta row on A.
        for (var i = 1; i <= 40; i++)
        {
            var id = $"00000000-0000-0000-0000-{i:x12}";
            await ExecuteAsync($"""
                DELETE FROM latest_trial_recommendations WHERE patient_id = '{id}' AND arm_id = 'A';
                INSERT INTO latest_trial_recommendations (recommendation_id, patient_id, trial_id, arm_id, status, arm_status)
                    VALUES (gen_random_uuid(), '{id}', 'T', 'A', '{(i % 2 == 0 ? "eligible" : "potential")}', 'open');
                """);
        }

        Assert.True(await ScalarAsync("SELECT count(*) FROM arm_list_counts WHERE arm_id = 'A'") > ArmListCounts.CompactAbove);

        Assert.Equal(40, await TotalAsync("A", Listed));

        Assert.Equal(2, await ScalarAsync("SELECT count(*) FROM arm_list_counts WHERE arm_id = 'A'"));
        Assert.Equal(20, await TotalAsync("A", ["eligible"]));
        Assert.Equal(20, await TotalAsync("A", ["potential"]));
        await AssertTotalsMatchCountsAsync();
    }

    [Fact]
    public async Task The_periodic_fold_leaves_one_row_per_arm_and_status_with_the_same_totals()
    {
        await ExecuteAsync("DELETE FROM latest_trial_recommendations WHERE patient_id IN (SELECT id FROM patients ORDER BY id LIMIT 5)");
        await ExecuteAsync("""
            INSERT INTO latest_trial_recommendations (recommendation_id, patient_id, trial_id, arm_id, status, arm_status)
                SELECT id, patient_id, trial_id, arm_id, status, 'open' FROM recommendations
                WHERE kind = 'trial' AND patient_id IN (SELECT id FROM patients ORDER BY id LIMIT 3)
            """);
        Assert.True(await ScalarAsync("SELECT count(*) FROM arm_list_counts") > 3);

        await using (var db = database.NewContext())
        {
            await db.Database.CompactAllAsync(CancellationToken.None);
        }

        Assert.Equal(3, await ScalarAsync("SELECT count(*) FROM arm_list_counts"));
        Assert.Equal(38, await TotalAsync("A", Listed));
        await AssertTotalsMatchCountsAsync();
    }

    [Fact]
    public async Task The_overview_lists_each_arms_eligible_and_potential_totals()
    {
        await using var db = database.NewContext();

        var listed = await db.Database.ListedAsync(CancellationToken.None);

        Assert.Equal(
            [("A", "potential", 40), ("B", "eligible", 31)],
            listed.Select(c => (c.ArmId, c.Status, c.Count)).Order().ToList());
    }

    private async Task AssertTotalsMatchCountsAsync()
    {
        foreach (var arm in new[] { "A", "B" })
        {
            foreach (var status in new[] { "eligible", "potential", "ineligible" })
            {
                var counted = await ScalarAsync($"SELECT count(*) FROM latest_trial_recommendations WHERE trial_id = 'T' AND arm_id = '{arm}' AND status = '{status}'");
                Assert.Equal(counted, await TotalAsync(arm, [status]));
            }
        }
    }

    private async Task<int> TotalAsync(string arm, string[] statuses)
    {
        await using var db = database.NewContext();
        return await db.Database.TotalAsync("T", arm, statuses, CancellationToken.None);
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static Task<int> ExecuteAsync(TumorBoardDbContext db, string sql) => db.Database.ExecuteSqlRawAsync(sql);
}

/// <summary>A row the clear of a patient's latest rows returns.</summary>
public sealed record ClearedRow(Guid PatientId, string? TrialId, string? ArmId, string? Status, string? ArmStatus);
