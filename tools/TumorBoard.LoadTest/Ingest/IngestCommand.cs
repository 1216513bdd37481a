using System.Globalization;
using TumorBoard.LoadTest.Reporting;

namespace TumorBoard.LoadTest.Ingest;

/// <summary>
/// <c>ingest [--fsync off|on|both] [--clients 8] [--bundles 400 | --seconds 45]</c>: starts a throwaway PostgreSQL
/// cluster and the service as its own process (or uses <c>--url</c>), posts distinct two-report bundles, and prints
/// in one run: bundles/s, p50/p95/p99, errors, the service's resident memory, what PostgreSQL executed per bundle,
/// and Firely's parse-only rate for a bundle of median size with the ratio of the two (docs/performance.md).
/// </summary>
public static class IngestCommand
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(CommandArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var url = args.Text("url", "none");
        var external = !url.Equals("none", StringComparison.OrdinalIgnoreCase);
        var count = args.Number("bundles", 400);
        var seconds = args.Number("seconds", 0);
        var clients = args.Number("clients", 8);
        // Returning patients: bundles for a pool of this many patients in turn, each stored once in the warm-up first.
        var returning = args.Number("returning", 0);
        var warmup = Math.Max(args.Number("warmup", 32), returning);
        var seed = args.Number("seed", 20261129);
        var profile = args.Number("profile", 0);
        var commitDelay = args.Number("commit-delay", 0);
        // How many of PostgreSQL's statements to list, costliest first.
        var statements = args.Number("statements", 15);
        // Extra Npgsql settings for the service's connection string, e.g. "Max Auto Prepare=0" to compare without prepared statements.
        var connectionOptions = args.Text("connection-options", "");
        var durability = args.Text("fsync", "off") switch
        {
            "on" => new[] { true },
            "both" => [false, true],
            _ => [false],
        };

        var load = (seconds > 0 ? $"{seconds} s" : $"{count} bundles") + (returning > 0 ? $" for {returning} returning patients" : string.Empty);
        MachineInfo.PrintHeader($"Ingestion load test: {load}, {clients} clients, {(external ? url : "own service process and throwaway PostgreSQL")}");
        var run = Guid.NewGuid().ToString("N")[..8];
        var source = new BundleSource(seed, run, returning);
        var results = new MarkdownTable("PostgreSQL", "clients", "bundles", "wall (s)", "bundles/s", "p50 (ms)", "p95 (ms)", "p99 (ms)", "max (ms)",
            "errors", "service RSS peak (MB)", "RSS first / last fifth (MB)", "load avg before / after", "share of Firely's parse rate",
            "CPU ms per bundle: service + PostgreSQL + client", "CPU-based share");
        var rows = new List<(object[] Cells, double Rate, double CpuMs)>();
        var errors = 0;
        foreach (var durable in durability)
        {
            await using var cluster = external ? null : await IngestCluster.StartAsync(durable, durable ? commitDelay : 0);
            var service = external ? null : await ServiceProcess.StartAsync(
                connectionOptions.Length == 0 ? cluster!.ConnectionString : $"{cluster!.ConnectionString};{connectionOptions}");
            try
            {
                var setting = cluster?.Description ?? "as the service has it";
                Console.WriteLine($"### {setting}");
                Console.WriteLine();
                if (cluster is not null)
                {
                    Console.WriteLine($"PostgreSQL {await cluster.ServerVersionAsync()}, {cluster.Description}; service pid {service!.Id}"
                        + (connectionOptions.Length == 0 ? "." : $"; connection options: {connectionOptions}."));
                }

                using var client = new IngestClient(service?.Address ?? new Uri(url), clients);
                await client.AuthenticateAsync();
                var warm = await client.PostAsync(source, clients, warmup);
                if (cluster is not null)
                {
                    await StatementStats.ResetAsync(cluster.ConnectionString);
                }

                var before = MachineInfo.LoadAverage();
                var cpuBefore = (Service: service is null ? TimeSpan.Zero : CpuClock.Of(service.Id), Database: cluster is null ? TimeSpan.Zero : CpuClock.OfCluster(cluster.PostmasterPid),
                    Client: System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime);
                List<PostResult> posted;
                TimeSpan elapsed;
                (double PeakMb, double FirstFifthMb, double LastFifthMb) memory = default;
                await using (var sampler = service is null ? null : new MemorySampler(service.ResidentBytes))
                {
                    (posted, elapsed) = await client.PostAsync(source, clients, count, seconds > 0 ? TimeSpan.FromSeconds(seconds) : null);
                    memory = sampler?.Summary() ?? default;
                }

                var after = MachineInfo.LoadAverage();
                var cpu = (Service: (service is null ? TimeSpan.Zero : CpuClock.Of(service.Id)) - cpuBefore.Service,
                    Database: (cluster is null ? TimeSpan.Zero : CpuClock.OfCluster(cluster.PostmasterPid)) - cpuBefore.Database,
                    Client: System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuBefore.Client);
                var cpuPerBundle = (Service: cpu.Service.TotalMilliseconds / posted.Count, Database: cpu.Database.TotalMilliseconds / posted.Count, Client: cpu.Client.TotalMilliseconds / posted.Count);
                var cpuTotal = cpuPerBundle.Service + cpuPerBundle.Database + cpuPerBundle.Client;
                var failed = posted.Count(r => !IngestClient.IsExpected(r)) + warm.Results.Count(r => !IngestClient.IsExpected(r));
                errors += failed;
                var latency = LatencySummary.Of(posted.Select(r => r.Milliseconds).ToList());
                var rate = posted.Count / elapsed.TotalSeconds;
                rows.Add(([setting, clients, posted.Count, elapsed.TotalSeconds.ToString("0.0", Invariant), rate.ToString("0.0", Invariant),
                    LatencySummary.Ms(latency.P50), LatencySummary.Ms(latency.P95), LatencySummary.Ms(latency.P99), LatencySummary.Ms(latency.Max), failed,
                    service is null ? "n/a" : memory.PeakMb.ToString("0", Invariant),
                    service is null ? "n/a" : $"{memory.FirstFifthMb:0} / {memory.LastFifthMb:0}", $"{First(before)} / {First(after)}"], rate,
                    service is null ? 0 : cpuTotal));
                Console.WriteLine($"{posted.Count} bundles in {elapsed.TotalSeconds:0.0} s: {rate:0.0} bundles/s, p50 {LatencySummary.Ms(latency.P50)} ms, " +
                    $"p95 {LatencySummary.Ms(latency.P95)} ms, p99 {LatencySummary.Ms(latency.P99)} ms; statuses {Statuses(posted)}; " +
                    $"{warm.Results.Count} warm-up bundles first, untimed. Load average {before} -> {after}.");
                if (service is not null)
                {
                    Console.WriteLine($"CPU per bundle: service {cpuPerBundle.Service:0.00} ms, PostgreSQL {cpuPerBundle.Database:0.00} ms, load generator {cpuPerBundle.Client:0.00} ms: " +
                        $"{cpuTotal:0.00} ms in all, so at most {2000 / cpuTotal:0} bundles/s on two cores this work had to itself.");
                }

                Console.WriteLine();
                if (cluster is not null)
                {
                    await StatementStats.PrintAsync(cluster.ConnectionString, posted.Count, statements);
                }

                if (profile > 0 && cluster is not null)
                {
                    await service!.DisposeAsync();
                    service = null;
                    await StageProfiler.RunAsync(cluster.ConnectionString, source, profile);
                }
            }
            finally
            {
                if (service is not null)
                {
                    await service.DisposeAsync();
                }
            }
        }

        var median = BundleSource.MedianBundle(seed);
        var (reader, firely) = ParseTimer.Measure(median, warmup: 300, iterations: 2000);
        foreach (var (cells, rate, cpuMs) in rows)
        {
            // The CPU-based share: the rate two cores would reach spending that CPU per bundle, over Firely's rate on one core.
            results.Add([.. cells, (rate / firely.PerSecond).ToString("0.0%", Invariant),
                cpuMs > 0 ? cpuMs.ToString("0.00", Invariant) : "n/a", cpuMs > 0 ? (2 * firely.CpuMs / cpuMs).ToString("0.0%", Invariant) : "n/a"]);
        }

        Console.WriteLine("## Results");
        Console.WriteLine();
        results.Print();
        var sizes = source.Sizes();
        Console.WriteLine($"Bundles: two reports each, median {sizes.Median / 1024.0:0.0} KB (min {sizes.Min / 1024.0:0.0}, max {sizes.Max / 1024.0:0.0}).");
        Console.WriteLine();
        ParseTimer.Print(reader, firely, median.Length, 2000, 300);
        return errors == 0 ? 0 : 1;
    }

    private static string First(string loadAverage) => loadAverage.Split(' ')[0];

    private static string Statuses(IEnumerable<PostResult> results) =>
        string.Join(", ", results.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{(g.Key == 0 ? "no answer" : g.Key)} x{g.Count()}"));
}
