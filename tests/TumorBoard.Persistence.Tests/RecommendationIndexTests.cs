using Microsoft.EntityFrameworkCore;
using Npgsql;
using TumorBoard.Persistence.Queries;
using TumorBoard.TestSupport;

namespace TumorBoard.Persistence.Tests;

/// <summary>
/// The statements that must stay on an index when the latest trial rows number hundreds of thousands
/// (docs/performance.md): 2,000 patients with 10 latest trial matches each are enough for the planner to
/// show whether a fitting index exists.
/// </summary>
public sealed class RecommendationIndexTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private const string Seed = """
        INSERT INTO patients (id, created_at, updated_at)
            SELECT ('00000000-0000-0000-0000-' || lpad(to_hex(g), 12, '0'))::uuid, now(), now() FROM generate_series(1, 2000) g;
        INSERT INTO evaluations (id, patient_id, evaluated_at, knowledge_base_version, knowledge_base_hash, trials_version, trials_hash, report_ids, trigger, document)
            SELECT id, id, now(), '1', 'kb', '1', 'trials', '{}', 'test', '{}' FROM patients;
        INSERT INTO recommendations (id, evaluation_id, patient_id, kind, trial_id, arm_id, status, payload)
            SELECT gen_random_uuid(), e.id, e.patient_id, 'trial', 'NCI-MATCH', 'A' || a, 'potential', '{}'
            FROM evaluations e, generate_series(1, 10) a;
        INSERT INTO latest_trial_recommendations (recommendation_id, patient_id, trial_id, arm_id, status, arm_status)
            SELECT id, patient_id, trial_id, arm_id, status, 'open' FROM recommendations;
        ANALYZE;
        """;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var seed = new NpgsqlCommand(Seed, connection);
        await seed.ExecuteNonQueryAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Clearing_one_patients_latest_rows_uses_the_patient_index_of_the_narrow_table()
    {
        var plan = await ExplainAsync(LatestRecommendations.ClearSql, new NpgsqlParameter("patient_ids", new[] { new Guid("00000000-0000-0000-0000-000000000007") }));

        Assert.True(plan.Contains("ix_latest_trial_recommendations_patient_id", StringComparison.Ordinal), plan);
    }

    [Fact]
    public async Task Clearing_a_batch_of_patients_latest_rows_uses_the_patient_index_of_the_narrow_table()
    {
        var ids = new[] { new Guid("00000000-0000-0000-0000-000000000007"), new Guid("00000000-0000-0000-0000-000000000420") };

        var plan = await ExplainAsync(LatestRecommendations.ClearSql, new NpgsqlParameter("patient_ids", ids));

        Assert.True(plan.Contains("ix_latest_trial_recommendations_patient_id", StringComparison.Ordinal), plan);
        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_of_an_arm_list_is_read_in_patient_order_from_an_index_without_sorting()
    {
        // The statement EF generates for the arm list's page (ArmPatientsQuery), captured with its parameters.
        await using var db = database.NewContext();
        await using var command = db.LatestTrialRecommendations.InArm("NCI-MATCH", "A3", ["eligible", "potential"]).PageAt(100, 51).CreateDbCommand();

        var plan = await ExplainAsync(command.CommandText, command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone()).ToArray());

        Assert.True(plan.Contains("ix_latest_trial_recommendations_trial_id_arm_id_patient_id", StringComparison.Ordinal), plan);
        Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
    }

    private async Task<string> ExplainAsync(string statement, params NpgsqlParameter[] parameters)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN " + statement, connection);
        explain.Parameters.AddRange(parameters);
        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }
}
