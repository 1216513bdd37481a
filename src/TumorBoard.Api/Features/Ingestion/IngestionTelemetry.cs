using System.Diagnostics;
using TumorBoard.Api.Infrastructure;

namespace TumorBoard.Api.Features.Ingestion;

/// <summary>
/// Spans around the stages of an ingestion (read, parse, store and its parts), so a profiler or an
/// OpenTelemetry exporter can see where a request's milliseconds go. Free when nothing listens.
/// </summary>
public static class IngestionTelemetry
{
    /// <summary>The service's one activity source (exported over OTLP when configured).</summary>
    public const string SourceName = TumorBoardTelemetry.Name;

    public static Activity? Stage(string name) => TumorBoardTelemetry.Source.StartActivity(name);
}
