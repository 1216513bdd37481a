using Npgsql;

namespace TumorBoard.LoadTest.Trials;

/// <summary>One arm's latest matches by status.</summary>
public sealed record ArmMatches(string TrialId, string ArmId, long Eligible, long Potential, long Ineligible)
{
    public long Listed => Eligible + Potential;
}

/// <summary>What the stored cohort looks like after evaluation: arm matches and table sizes.</summary>
public static class CohortStats
{
    public static async Task<List<ArmMatches>> ArmsAsync(string connectionString)
    {
        const string sql = """
            SELECT trial_id, arm_id,
                   count(*) FILTER (WHERE status = 'eligible'), count(*) FILTER (WHERE status = 'potential'), count(*) FILTER (WHERE status = 'ineligible')
            FROM latest_trial_recommendations
            GROUP BY trial_id, arm_id
            """;
        var arms = new List<ArmMatches>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            arms.Add(new ArmMatches(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)));
        }

        return arms.OrderByDescending(a => a.Listed).ThenBy(a => a.TrialId, StringComparer.Ordinal).ThenBy(a => a.ArmId, StringComparer.Ordinal).ToList();
    }

    public static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 1800 };
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Rows and total size (table, indexes, TOAST) of the tables the benchmark fills.</summary>
    public static async Task<List<(string Table, long Rows, long Bytes)>> TablesAsync(string connectionString)
    {
        string[] tables = ["patients", "clinical_markers", "ingested_bundles", "reports", "specimens", "alterations", "evaluations", "recommendations", "latest_trial_recommendations", "audit_events"];
        var sizes = new List<(string, long, long)>();
        foreach (var table in tables)
        {
            var rows = await ScalarAsync(connectionString, $"SELECT count(*) FROM {table}");
            var bytes = await ScalarAsync(connectionString, $"SELECT pg_total_relation_size('{table}')");
            sizes.Add((table, rows, bytes));
        }

        return sizes;
    }
}
