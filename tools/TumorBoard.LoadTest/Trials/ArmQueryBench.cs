using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Npgsql;
using TumorBoard.LoadTest.Reporting;

namespace TumorBoard.LoadTest.Trials;

/// <summary>Latencies of one arm page, and what the page said.</summary>
public sealed record ArmPageTiming(ArmMatches Arm, int Page, int Total, int Items, LatencySummary Latency, IReadOnlyList<double> Samples);

/// <summary>
/// Times <c>GET /api/trials/{trialId}/arms/{armId}/patients</c> over real HTTP against the in-process service:
/// sequential requests (one coordinator at a time), several arms from the largest to the smallest, first,
/// second, middle and last pages. Then EXPLAINs the endpoint's own captured SQL.
/// </summary>
public static class ArmQueryBench
{
    public const string PartialIndex = "ix_recommendations_trial_id_arm_id_status";
    private const int PageSize = 50;

    public static async Task<List<ArmPageTiming>> MeasureAsync(HttpClient client, IReadOnlyList<ArmMatches> arms, int requests, int warmup)
    {
        var timings = new List<ArmPageTiming>();
        foreach (var arm in arms)
        {
            var lastPage = (int)Math.Max(1, (arm.Listed + PageSize - 1) / PageSize);
            foreach (var page in new[] { 1, 2, lastPage / 2, lastPage }.Where(p => p >= 1 && p <= lastPage).Distinct())
            {
                var url = Url(arm, page);
                var (total, items) = await GetAsync(client, url);
                if (total != arm.Listed)
                {
                    throw new InvalidOperationException($"{url}: total {total}, the database holds {arm.Listed}.");
                }

                for (var i = 0; i < warmup; i++)
                {
                    await GetAsync(client, url);
                }

                var samples = new List<double>(requests);
                for (var i = 0; i < requests; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await GetAsync(client, url);
                    samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }

                timings.Add(new ArmPageTiming(arm, page, total, items, LatencySummary.Of(samples), samples));
            }
        }

        return timings;
    }

    public static string Url(ArmMatches arm, int page) =>
        $"/api/trials/{Uri.EscapeDataString(arm.TrialId)}/arms/{Uri.EscapeDataString(arm.ArmId)}/patients?page={page}&pageSize={PageSize}";

    public static async Task<(int Total, int Items)> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{url}: {(int)response.StatusCode}");
        }

        await using var body = await response.Content.ReadAsStreamAsync();
        using var json = await JsonDocument.ParseAsync(body);
        return (json.RootElement.GetProperty("total").GetInt32(), json.RootElement.GetProperty("items").GetArrayLength());
    }

    /// <summary>EXPLAIN (ANALYZE, BUFFERS) of each captured command that reads recommendations.</summary>
    public static async Task<List<(string Sql, string Plan)>> ExplainAsync(string connectionString, IEnumerable<CapturedCommand> commands)
    {
        var plans = new List<(string, string)>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var captured in commands.Where(c => c.Text.Contains("recommendations", StringComparison.Ordinal)))
        {
            await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + captured.Text, connection);
            command.Parameters.AddRange(captured.Parameters.Select(p => p.Clone()).ToArray());
            var plan = new StringBuilder();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                plan.AppendLine(reader.GetString(0));
            }

            plans.Add((captured.Text, plan.ToString()));
        }

        return plans;
    }
}
