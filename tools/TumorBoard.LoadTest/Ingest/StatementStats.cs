using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;
using TumorBoard.LoadTest.Reporting;

namespace TumorBoard.LoadTest.Ingest;

/// <summary>What PostgreSQL executed during the timed run, from <c>pg_stat_statements</c>: per bundle, by statement.</summary>
public static partial class StatementStats
{
    public static async Task ResetAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var reset = new NpgsqlCommand("SELECT pg_stat_statements_reset()", connection);
        await reset.ExecuteNonQueryAsync();
    }

    public static async Task PrintAsync(string connectionString, int bundles, int top = 15)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT query, calls, total_exec_time FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            ORDER BY total_exec_time DESC
            """, connection);
        var rows = new List<(string Query, long Calls, double TotalMs)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetDouble(2)));
            }
        }

        // The service's own statements only: the ones this tool and pg_stat_statements itself ran are left out.
        rows = rows.Where(r => !r.Query.Contains("pg_stat_statements", StringComparison.Ordinal)).ToList();
        var per = (double)Math.Max(1, bundles);
        Console.WriteLine($"PostgreSQL, timed run only (pg_stat_statements): {rows.Sum(r => r.Calls) / per:0.0} statements and " +
            $"{rows.Sum(r => r.TotalMs) / per:0.00} ms of execution per bundle, {rows.Count} distinct statements; the {Math.Min(top, rows.Count)} costliest:");
        var table = new MarkdownTable("statement", "calls per bundle", "mean (ms)", "ms per bundle");
        foreach (var (query, calls, total) in rows.Take(top))
        {
            table.Add(Shorten(query), (calls / per).ToString("0.00", CultureInfo.InvariantCulture),
                (total / Math.Max(1, calls)).ToString("0.000", CultureInfo.InvariantCulture), (total / per).ToString("0.000", CultureInfo.InvariantCulture));
        }

        table.Print();
    }

    private static string Shorten(string query)
    {
        var text = Whitespace().Replace(query, " ").Trim().Replace("|", "\\|", StringComparison.Ordinal);
        return text.Length <= 90 ? $"`{text}`" : $"`{text[..87]}...`";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
