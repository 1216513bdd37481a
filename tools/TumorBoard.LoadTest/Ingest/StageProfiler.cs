using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using TumorBoard.Api.Features.Ingestion;
using TumorBoard.LoadTest.Reporting;
using TumorBoard.LoadTest.Trials;

namespace TumorBoard.LoadTest.Ingest;

/// <summary>
/// Where a request's milliseconds go: the service in-process (<see cref="BenchHost"/>, same database), one client,
/// bundles posted one after the other, with a listener on the service's ingestion spans, ASP.NET Core's request
/// span and Npgsql's command spans (one per round trip: a command or a batch of statements).
/// </summary>
public static class StageProfiler
{
    private const string Npgsql = "Npgsql";
    private const string AspNetCore = "Microsoft.AspNetCore";

    public static async Task RunAsync(string connectionString, BundleSource bundles, int count)
    {
        var spans = new ConcurrentDictionary<string, (long Count, double Ms)>();
        var recording = false;
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is IngestionTelemetry.SourceName or Npgsql or AspNetCore,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (!Volatile.Read(ref recording))
                {
                    return;
                }

                var name = activity.Source.Name switch
                {
                    Npgsql => "PostgreSQL round trips (Npgsql commands, all stages)",
                    AspNetCore => "whole request, server side",
                    _ => activity.OperationName,
                };
                spans.AddOrUpdate(name, (1, activity.Duration.TotalMilliseconds), (_, v) => (v.Count + 1, v.Ms + activity.Duration.TotalMilliseconds));
            },
        };
        ActivitySource.AddActivityListener(listener);

        await using var host = await BenchHost.StartAsync(connectionString);
        using var client = new IngestClient(host.Address, 1);
        await client.AuthenticateAsync();
        await client.PostAsync(bundles, 1, Math.Max(10, count / 5));
        // Allocations and CPU of this process (service and client together; the client's share is the same for every build):
        // unlike wall time, neither is inflated by other processes competing for the cores.
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        Volatile.Write(ref recording, true);
        var (results, _) = await client.PostAsync(bundles, 1, count);
        Volatile.Write(ref recording, false);
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / count;
        var allocatedKb = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024.0 / count;

        var ok = results.Count(IngestClient.IsExpected);
        var latency = LatencySummary.Of(results.Select(r => r.Milliseconds).ToList());
        Console.WriteLine($"Stage profile: {count} bundles posted one at a time to the service in-process (Warning logging), {ok} answered 201; " +
            $"client-side p50 {LatencySummary.Ms(latency.P50)} ms; in-process (service and client) {allocatedKb:0} KB allocated and {cpuMs:0.00} ms CPU per bundle. Mean per bundle:");
        var table = new MarkdownTable("span", "per bundle", "ms per bundle");
        foreach (var (name, (calls, ms)) in spans.OrderBy(s => Order(s.Key)).ThenBy(s => s.Key, StringComparer.Ordinal))
        {
            table.Add(name, ((double)calls / count).ToString("0.0", CultureInfo.InvariantCulture), (ms / count).ToString("0.000", CultureInfo.InvariantCulture));
        }

        table.Print();
    }

    private static int Order(string name) => name switch
    {
        "whole request, server side" => 0,
        _ when name.StartsWith("PostgreSQL", StringComparison.Ordinal) => 9,
        _ when name.StartsWith("ingest.", StringComparison.Ordinal) => 1,
        _ => 2,
    };
}
