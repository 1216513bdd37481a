using System.Diagnostics;
using System.Globalization;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Fhir;
using TumorBoard.LoadTest.Reporting;

namespace TumorBoard.LoadTest.Ingest;

/// <summary>
/// Timings of one parser over many calls: per-call latencies, calls per second of wall time on one thread, and CPU
/// milliseconds per call (the process's CPU time, GC included, which waiting for a busy core does not inflate).
/// </summary>
public sealed record ParseTiming(LatencySummary Latency, double PerSecond, double CpuMs)
{
    /// <summary>Managed memory allocated per call on the calling thread: unlike time, not changed by other processes' load.</summary>
    public double AllocatedKb { get; init; }
}

/// <summary>
/// Parse-only cost of one bundle on this machine: the service's reader (Firely parse plus normalisation to
/// Core types) and Firely's JSON deserialisation alone, each timed per call after a warm-up, one thread.
/// </summary>
public static class ParseTimer
{
    public static (ParseTiming Reader, ParseTiming Firely) Measure(string json, int warmup, int iterations)
    {
        var reader = Knowledge.LoadEmbedded().BundleReader;
        var read = reader.Read(json, FhirFormat.Json);
        if (read.IsMalformed || read.Bundle!.HasErrors)
        {
            throw new InvalidOperationException("The bundle to time does not parse cleanly.");
        }

        // Interleaved rounds, so a burst of load from other processes hits both parsers alike.
        var readerTimes = new List<double>(iterations);
        var firelyTimes = new List<double>(iterations);
        var (readerCpu, firelyCpu) = (TimeSpan.Zero, TimeSpan.Zero);
        var (readerBytes, firelyBytes) = (0L, 0L);
        Time(() => reader.Read(json, FhirFormat.Json), warmup, []);
        Time(() => new FhirJsonDeserializer(new DeserializerSettings()).Deserialize<Bundle>(json), warmup, []);
        for (var round = 0; round < 10; round++)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            readerCpu += Time(() => reader.Read(json, FhirFormat.Json), iterations / 10, readerTimes);
            readerBytes += GC.GetAllocatedBytesForCurrentThread() - allocated;
            allocated = GC.GetAllocatedBytesForCurrentThread();
            firelyCpu += Time(() => new FhirJsonDeserializer(new DeserializerSettings()).Deserialize<Bundle>(json), iterations / 10, firelyTimes);
            firelyBytes += GC.GetAllocatedBytesForCurrentThread() - allocated;
        }

        return (Summary(readerTimes, readerCpu) with { AllocatedKb = readerBytes / 1024.0 / readerTimes.Count },
            Summary(firelyTimes, firelyCpu) with { AllocatedKb = firelyBytes / 1024.0 / firelyTimes.Count });
    }

    /// <summary>The table every run ends with: the reader against Firely alone, median and CPU per call.</summary>
    public static void Print(ParseTiming reader, ParseTiming firely, int bundleLength, int iterations, int warmup)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(firely);
        var invariant = CultureInfo.InvariantCulture;
        new MarkdownTable("parse only, one thread, a bundle of median size", "median (ms)", "p95 (ms)", "calls/s", "CPU ms per call", "allocated KB per call",
                "ratio to Firely (median / CPU / allocated)")
            .Add("GenomicBundleReader.Read (Firely parse + normalise)", LatencySummary.Ms(reader.Latency.P50), LatencySummary.Ms(reader.Latency.P95),
                reader.PerSecond.ToString("0", invariant), reader.CpuMs.ToString("0.000", invariant), reader.AllocatedKb.ToString("0", invariant),
                $"{reader.Latency.P50 / firely.Latency.P50:0.00}x / {reader.CpuMs / firely.CpuMs:0.00}x / {reader.AllocatedKb / firely.AllocatedKb:0.00}x")
            .Add("FhirJsonDeserializer.Deserialize<Bundle> (Firely only)", LatencySummary.Ms(firely.Latency.P50), LatencySummary.Ms(firely.Latency.P95),
                firely.PerSecond.ToString("0", invariant), firely.CpuMs.ToString("0.000", invariant), firely.AllocatedKb.ToString("0", invariant), "1.00x")
            .Print();
        Console.WriteLine($"{bundleLength / 1024.0:0.0} KB bundle; {iterations} timed calls each in 10 interleaved rounds after {warmup} warm-up calls. " +
            $"Load average at the end: {MachineInfo.LoadAverage()}.");
    }

    /// <summary><c>parse [--iterations 2000] [--warmup 300] [--seed N]</c>: the parse-only comparison alone (no service, no database).</summary>
    public static int Run(CommandArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var iterations = args.Number("iterations", 2000);
        var warmup = args.Number("warmup", 300);
        var median = BundleSource.MedianBundle(args.Number("seed", 20261129));
        MachineInfo.PrintHeader($"Parse only: {iterations} calls each after {warmup} warm-up calls");
        var (reader, firely) = Measure(median, warmup, iterations);
        Print(reader, firely, median.Length, iterations, warmup);
        return 0;
    }

    private static ParseTiming Summary(List<double> times, TimeSpan cpu) =>
        new(LatencySummary.Of(times), times.Count / (times.Sum() / 1000), cpu.TotalMilliseconds / times.Count);

    /// <returns>The process CPU time the calls took.</returns>
    private static TimeSpan Time(Func<object> parse, int calls, List<double> times)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            GC.KeepAlive(parse());
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return Process.GetCurrentProcess().TotalProcessorTime - cpu;
    }
}
