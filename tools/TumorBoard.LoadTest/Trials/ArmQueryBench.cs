using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using TumorBoard.LoadTest.Reporting;

namespace TumorBoard.LoadTest.Trials;

/// <summary>Latencies of one arm page, and what the page said.</summary>
public sealed record ArmPageTiming(ArmMatches Arm, string Mode, int Page, int Total, int Items, LatencySummary Latency, IReadOnlyList<double> Samples);

/// <summary>
/// Times <c>GET /api/trials/{trialId}/arms/{armId}/patients</c> over real HTTP against the in-process service:
/// sequential requests (one coordinator at a time), several arms from the largest to the smallest, first,
/// second, middle and last pages, each reached by page number (OFFSET) and by cursor (keyset; the cursors are
/// collected by walking the list once). Then EXPLAINs the endpoint's own captured SQL.
/// </summary>
public static partial class ArmQueryBench
{
    /// <summary>The arm index of the narrow latest rows (pages, cursors).</summary>
    public const string ArmIndex = "ix_latest_trial_recommendations_trial_id_arm_id_patient_id";
    private const int PageSize = 50;

    public static async Task<List<ArmPageTiming>> MeasureAsync(HttpClient client, IReadOnlyList<ArmMatches> arms, int requests, int warmup)
    {
        ArgumentNullException.ThrowIfNull(arms);
        var timings = new List<ArmPageTiming>();
        foreach (var arm in arms)
        {
            var lastPage = (int)Math.Max(1, (arm.Listed + PageSize - 1) / PageSize);
            var pages = new[] { 1, 2, lastPage / 2, lastPage }.Where(p => p >= 1 && p <= lastPage).Distinct().ToList();
            var cursors = await CursorsAsync(client, arm, pages);
            foreach (var page in pages)
            {
                timings.Add(await TimeAsync(client, arm, "page", page, Url(arm, page), requests, warmup));
                if (page > 1)
                {
                    timings.Add(await TimeAsync(client, arm, "cursor", page, CursorUrl(arm, cursors[page]), requests, warmup));
                }
            }
        }

        return timings;
    }

    private static async Task<ArmPageTiming> TimeAsync(HttpClient client, ArmMatches arm, string mode, int page, string url, int requests, int warmup)
    {
        var (total, items, _) = await GetPageAsync(client, url);
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

        return new ArmPageTiming(arm, mode, page, total, items, LatencySummary.Of(samples), samples);
    }

    /// <summary>The cursor leading to each wanted page, found by following nextCursor from the first page.</summary>
    public static async Task<Dictionary<int, string>> CursorsAsync(HttpClient client, ArmMatches arm, IReadOnlyCollection<int> pages)
    {
        var cursors = new Dictionary<int, string>();
        var (_, _, next) = await GetPageAsync(client, Url(arm, 1));
        for (var page = 2; next is not null && page <= pages.Max(); page++)
        {
            if (pages.Contains(page))
            {
                cursors[page] = next;
            }

            (_, _, next) = await GetPageAsync(client, CursorUrl(arm, next));
        }

        return cursors;
    }

    public static string CursorUrl(ArmMatches arm, string cursor)
    {
        ArgumentNullException.ThrowIfNull(arm);
        return $"/api/trials/{Uri.EscapeDataString(arm.TrialId)}/arms/{Uri.EscapeDataString(arm.ArmId)}/patients?pageSize={PageSize}&cursor={Uri.EscapeDataString(cursor)}";
    }

    public static string Url(ArmMatches arm, int page)
    {
        ArgumentNullException.ThrowIfNull(arm);
        return $"/api/trials/{Uri.EscapeDataString(arm.TrialId)}/arms/{Uri.EscapeDataString(arm.ArmId)}/patients?page={page}&pageSize={PageSize}";
    }

    public static async Task<(int Total, int Items)> GetAsync(HttpClient client, string url)
    {
        var (total, items, _) = await GetPageAsync(client, url);
        return (total, items);
    }

    public static async Task<(int Total, int Items, string? NextCursor)> GetPageAsync(HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{url}: {(int)response.StatusCode}");
        }

        await using var body = await response.Content.ReadAsStreamAsync();
        using var json = await JsonDocument.ParseAsync(body);
        var root = json.RootElement;
        var next = root.TryGetProperty("nextCursor", out var cursor) && cursor.ValueKind == JsonValueKind.String ? cursor.GetString() : null;
        return (root.GetProperty("total").GetInt32(), root.GetProperty("items").GetArrayLength(), next);
    }

    /// <summary>The indexes a plan scans.</summary>
    public static IReadOnlyList<string> IndexesUsed(string plan) =>
        IndexScan().Matches(plan).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>EXPLAIN (ANALYZE, BUFFERS) of each captured command that reads recommendations.</summary>
    public static async Task<List<(string Sql, string Plan)>> ExplainAsync(string connectionString, IEnumerable<CapturedCommand> commands)
    {
        var plans = new List<(string, string)>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var captured in commands.Where(c => c.Text.Contains("recommendations", StringComparison.Ordinal) || c.Text.Contains("arm_list_counts", StringComparison.Ordinal)))
        {
            await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + captured.Text, connection);
            command.Parameters.AddRange(captured.Parameters.Select(p => p.Clone()).ToArray());
            var plan = new StringBuilder();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                // A page's 50 inlined ids make one line unreadable; the plan's shape is what matters.
                var line = reader.GetString(0);
                plan.AppendLine(line.Length > 160 ? line[..160] + " ...]" : line);
            }

            plans.Add((captured.Text, plan.ToString()));
        }

        return plans;
    }

    [GeneratedRegex(@"(?:Index Only Scan|Index Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\w+)")]
    private static partial Regex IndexScan();
}
