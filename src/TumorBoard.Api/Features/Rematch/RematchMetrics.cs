using System.Diagnostics.Metrics;
using TumorBoard.Api.Infrastructure;

namespace TumorBoard.Api.Features.Rematch;

/// <summary>Re-match progress and duration (no labels beyond the outcome: nothing about patients).</summary>
public static class RematchMetrics
{
    private static readonly Counter<long> Patients = TumorBoardTelemetry.Meter.CreateCounter<long>(
        "tumorboard.rematch.patients", "{patient}", "Patients re-evaluated by re-match jobs (committed batches)");

    private static readonly Counter<long> Jobs = TumorBoardTelemetry.Meter.CreateCounter<long>(
        "tumorboard.rematch.jobs", "{job}", "Re-match jobs finished");

    private static readonly Histogram<double> Duration = TumorBoardTelemetry.Meter.CreateHistogram<double>(
        "tumorboard.rematch.duration", "s", "Wall time of one re-match job attempt");

    public static void Batch(int patients) => Patients.Add(patients);

    public static void Completed(TimeSpan elapsed, int patients)
    {
        Jobs.Add(1, new KeyValuePair<string, object?>("outcome", patients > 0 ? "rematched" : "nothing-stale"));
        Duration.Record(elapsed.TotalSeconds);
    }
}
