using System.Diagnostics;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Fhir;
using TumorBoard.LoadTest.Reporting;

namespace TumorBoard.LoadTest.Ingest;

/// <summary>
/// Parse-only cost of one bundle on this machine: the service's reader (Firely parse plus normalisation to
/// Core types) and Firely's JSON deserialisation alone, each timed per call after a warm-up.
/// </summary>
public static class ParseTimer
{
    public static (LatencySummary Reader, LatencySummary Firely) Measure(string json, int warmup, int iterations)
    {
        var reader = Knowledge.LoadEmbedded().BundleReader;
        var read = reader.Read(json, FhirFormat.Json);
        if (read.IsMalformed || read.Bundle!.HasErrors)
        {
            throw new InvalidOperationException("The bundle to time does not parse cleanly.");
        }

        var readerTimes = Time(() => reader.Read(json, FhirFormat.Json), warmup, iterations);
        var firelyTimes = Time(() => new FhirJsonDeserializer(new DeserializerSettings()).Deserialize<Bundle>(json), warmup, iterations);
        return (LatencySummary.Of(readerTimes), LatencySummary.Of(firelyTimes));
    }

    private static List<double> Time(Func<object> parse, int warmup, int iterations)
    {
        for (var i = 0; i < warmup; i++)
        {
            GC.KeepAlive(parse());
        }

        var times = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            GC.KeepAlive(parse());
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return times;
    }
}
