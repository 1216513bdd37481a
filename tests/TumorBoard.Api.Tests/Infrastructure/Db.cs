using Npgsql;

namespace TumorBoard.Api.Tests.Infrastructure;

/// <summary>Direct SQL on the test database, to check what was (or was not) stored.</summary>
public static class Db
{
    public static async Task<long> CountAsync(this TumorBoardApp app, string table)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<long> TotalRowsAsync(this TumorBoardApp app)
    {
        long total = 0;
        foreach (var table in new[] { "patients", "patient_identifiers", "ingested_bundles", "reports", "report_versions", "specimens", "alterations", "conditions", "prior_therapies", "evaluations", "recommendations" })
        {
            total += await app.CountAsync(table);
        }

        return total;
    }
}
