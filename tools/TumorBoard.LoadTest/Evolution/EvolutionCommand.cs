using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using TumorBoard.LoadTest.Ingest;
using TumorBoard.LoadTest.Reporting;

namespace TumorBoard.LoadTest.Evolution;

/// <summary>
/// <c>evolution [--url none] [--requests 200] [--clients 1] [--warmup 20]</c>: starts a throwaway PostgreSQL cluster and
/// the service as its own process (or uses <c>--url</c>), posts the 10-sample, 500-alteration patient
/// (<see cref="EvolutionPatient"/>), then times <c>GET /api/patients/{id}/evolution</c> end to end over HTTP: loading
/// the reports and alteration rows, the rules engine, the evolution and the JSON (docs/performance.md, issue 17).
/// </summary>
public static class EvolutionCommand
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(CommandArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var url = args.Text("url", "none");
        var external = !url.Equals("none", StringComparison.OrdinalIgnoreCase);
        var requests = args.Number("requests", 200);
        var clients = args.Number("clients", 1);
        var warmup = args.Number("warmup", 20);
        MachineInfo.PrintHeader($"Evolution endpoint: 10 samples x 500 alterations, {requests} requests, {clients} client(s), {(external ? url : "own service process and throwaway PostgreSQL")}");

        await using var cluster = external ? null : await IngestCluster.StartAsync(durable: false, commitDelayMicroseconds: 0);
        await using var service = external ? null : await ServiceProcess.StartAsync(cluster!.ConnectionString);
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(clients, 1), PooledConnectionLifetime = TimeSpan.FromMinutes(30) };
        using var http = new HttpClient(handler) { BaseAddress = service?.Address ?? new Uri(url), Timeout = TimeSpan.FromMinutes(2) };

        var ingest = await TokenAsync(http, "ingest");
        Guid? patientId = null;
        var run = Guid.NewGuid().ToString("N")[..8];
        foreach (var bundle in EvolutionPatient.Bundles(run))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/fhir/Bundle") { Content = new StringContent(bundle, MediaTypeHeaderValue.Parse("application/fhir+json")) };
            request.Headers.Authorization = ingest;
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.Created)
            {
                Console.Error.WriteLine($"ingestion answered {(int)response.StatusCode}: {text[..Math.Min(text.Length, 2000)]}");
                return 1;
            }

            patientId = JsonDocument.Parse(text).RootElement.GetProperty("patientId").GetGuid();
        }

        var board = await TokenAsync(http, "board");
        var route = $"/api/patients/{patientId}/evolution";
        var (samples, alterations, bytes) = await ShapeAsync(http, board, route);
        Console.WriteLine($"Patient: {samples} samples, {alterations} alterations; the answer is {bytes / 1024.0:0} KB of JSON.");
        Console.WriteLine();
        if (samples != 10 || alterations < 500)
        {
            Console.Error.WriteLine("The patient did not come out as 10 samples x 500 alterations.");
            return 1;
        }

        await TimeAsync(http, board, route, warmup, clients);
        var before = MachineInfo.LoadAverage();
        var (timings, failures, elapsed) = await TimeAsync(http, board, route, requests, clients);
        var after = MachineInfo.LoadAverage();
        var summary = LatencySummary.Of(timings);
        var table = new MarkdownTable("requests", "clients", "requests/s", "mean (ms)", "p50 (ms)", "p95 (ms)", "p99 (ms)", "max (ms)", "errors", "load avg before / after");
        table.Add(summary.Count.ToString(Invariant), clients.ToString(Invariant), (summary.Count / elapsed.TotalSeconds).ToString("0.0", Invariant),
            LatencySummary.Ms(summary.Mean), LatencySummary.Ms(summary.P50), LatencySummary.Ms(summary.P95), LatencySummary.Ms(summary.P99), LatencySummary.Ms(summary.Max),
            failures.ToString(Invariant), $"{before} / {after}");
        table.Print();
        return failures == 0 ? 0 : 1;
    }

    private static async Task<AuthenticationHeaderValue> TokenAsync(HttpClient http, string role)
    {
        using var response = await http.PostAsJsonAsync("/auth/dev-token", new { subject = "load-test-" + role, roles = new[] { role } });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        return new AuthenticationHeaderValue("Bearer", token);
    }

    private static async Task<(int Samples, int Alterations, int Bytes)> ShapeAsync(HttpClient http, AuthenticationHeaderValue token, string route)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, route);
        request.Headers.Authorization = token;
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        response.EnsureSuccessStatusCode();
        var root = JsonDocument.Parse(body).RootElement;
        return (root.GetProperty("samples").GetArrayLength(), root.GetProperty("alterations").GetArrayLength(), body.Length);
    }

    /// <summary><paramref name="count"/> GETs, <paramref name="clients"/> at a time; each must be 200.</summary>
    private static async Task<(List<double> Timings, int Failures, TimeSpan Elapsed)> TimeAsync(HttpClient http, AuthenticationHeaderValue token, string route, int count, int clients)
    {
        var timings = new List<double>[clients];
        var failures = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async worker =>
        {
            var mine = timings[worker] = [];
            while (Interlocked.Increment(ref next) < count)
            {
                var started = Stopwatch.GetTimestamp();
                using var request = new HttpRequestMessage(HttpMethod.Get, route);
                request.Headers.Authorization = token;
                using var response = await http.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        return (timings.SelectMany(t => t).ToList(), failures, clock.Elapsed);
    }
}
