using Npgsql;
using TumorBoard.Persistence.Queries;

namespace TumorBoard.LoadTest.Trials;

/// <summary>
/// The plan of the statement every evaluation runs before writing its rows (PatientEvaluator for one patient,
/// Rematcher for a batch): delete the patient's previous latest trial rows (<see cref="LatestRecommendations.ClearSql"/>).
/// Plain EXPLAIN: nothing runs.
/// </summary>
public static class LatestFlagPlan
{
    public static async Task<string> ExplainAsync(string connectionString, int patients)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var ids = new List<Guid>();
        await using (var select = new NpgsqlCommand($"SELECT id FROM patients ORDER BY id LIMIT {patients}", connection))
        await using (var reader = await select.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetGuid(0));
            }
        }

        await using var explain = new NpgsqlCommand("EXPLAIN " + LatestRecommendations.ClearSql, connection);
        explain.Parameters.AddWithValue("patient_ids", ids.ToArray());
        var plan = new List<string>();
        await using var lines = await explain.ExecuteReaderAsync();
        while (await lines.ReadAsync())
        {
            // The inlined list of 500 ids makes one line unreadable; the plan's shape is what matters.
            var line = lines.GetString(0);
            plan.Add(line.Length > 140 ? line[..140] + " ...]" : line);
        }

        return string.Join(Environment.NewLine, plan);
    }
}
