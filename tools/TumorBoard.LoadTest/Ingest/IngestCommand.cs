using System.Globalization;
using TumorBoard.LoadTest.Reporting;
using TumorBoard.LoadTest.Scenarios;

namespace TumorBoard.LoadTest.Ingest;

/// <summary>
/// <c>ingest --url http://127.0.0.1:5080 --bundles 400 --clients 8</c>: posts distinct two-report bundles
/// (primary + later sample, unique patient identifier and accessions each) to a running service in
/// Development, then times parse-only for a bundle of median size on the same machine.
/// </summary>
public static class IngestCommand
{
    public static async Task<int> RunAsync(CommandArguments args)
    {
        var url = new Uri(args.Text("url", "http://127.0.0.1:5080"));
        var count = args.Number("bundles", 400);
        var clients = args.Number("clients", 8);
        var warmup = args.Number("warmup", 16);
        var seed = args.Number("seed", 20261129);

        MachineInfo.PrintHeader($"Ingestion load test: {count} bundles, {clients} clients, {url}");
        var run = Guid.NewGuid().ToString("N")[..8];
        var factory = new PatientCaseFactory(seed, DateTimeOffset.UtcNow.Date);
        var bundles = Enumerable.Range(0, warmup + count)
            .Select(i => CaseBundles.ToJson(factory.Next($"LT-{run}-{i:D6}", $"LT-{run}-{i:D6}")))
            .ToList();

        using var client = new IngestClient(url, clients);
        await client.AuthenticateAsync();
        var warm = await client.PostAllAsync(bundles[..warmup], clients);
        var (results, elapsed) = await client.PostAllAsync(bundles[warmup..], clients);
        var loadAfter = MachineInfo.LoadAverage();

        var errors = results.Count(r => !IngestClient.IsExpected(r)) + warm.Results.Count(r => !IngestClient.IsExpected(r));
        var latency = LatencySummary.Of(results.Select(r => r.Milliseconds).ToList());
        var sizes = bundles.Select(b => b.Length).Order().ToList();
        new MarkdownTable("bundles", "clients", "wall time (s)", "bundles/s", "p50 (ms)", "p95 (ms)", "p99 (ms)", "max (ms)", "errors (non-201)")
            .Add(count, clients, elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture),
                (count / elapsed.TotalSeconds).ToString("0.0", CultureInfo.InvariantCulture),
                LatencySummary.Ms(latency.P50), LatencySummary.Ms(latency.P95), LatencySummary.Ms(latency.P99), LatencySummary.Ms(latency.Max), errors)
            .Print();
        Console.WriteLine($"Warm-up: {warmup} further bundles posted first, not timed. Statuses: {Statuses(results)}. " +
            $"Bundle size: median {sizes[sizes.Count / 2] / 1024.0:0.0} KB (min {sizes[0] / 1024.0:0.0}, max {sizes[^1] / 1024.0:0.0}). Load average after: {loadAfter}.");
        Console.WriteLine();

        var median = bundles.OrderBy(b => b.Length).ElementAt(bundles.Count / 2);
        var (reader, firely) = ParseTimer.Measure(median, warmup: 300, iterations: 2000);
        new MarkdownTable("parse only, one bundle of median size", "median (ms)", "p95 (ms)", "share of the p50 request")
            .Add("GenomicBundleReader.Read (Firely parse + normalise)", LatencySummary.Ms(reader.P50), LatencySummary.Ms(reader.P95), Share(reader.P50, latency.P50))
            .Add("FhirJsonDeserializer.Deserialize<Bundle> (Firely only)", LatencySummary.Ms(firely.P50), LatencySummary.Ms(firely.P95), Share(firely.P50, latency.P50))
            .Print();
        Console.WriteLine($"2000 timed calls each after 300 warm-up calls, single thread. Load average at the end: {MachineInfo.LoadAverage()}.");
        return errors == 0 ? 0 : 1;
    }

    private static string Statuses(IEnumerable<PostResult> results) =>
        string.Join(", ", results.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{(g.Key == 0 ? "no answer" : g.Key)} x{g.Count()}"));

    private static string Share(double part, double whole) => whole <= 0 ? "n/a" : (part / whole).ToString("0.0%", CultureInfo.InvariantCulture);
}
