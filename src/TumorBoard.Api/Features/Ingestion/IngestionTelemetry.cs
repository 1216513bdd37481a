using System.Diagnostics;

namespace TumorBoard.Api.Features.Ingestion;

/// <summary>
/// Spans around the stages of an ingestion (read, parse, store and its parts), so a profiler or an
/// OpenTelemetry exporter can see where a request's milliseconds go. Free when nothing listens.
/// </summary>
public static class IngestionTelemetry
{
    public const string SourceName = "TumorBoard.Ingestion";

    public static readonly ActivitySource Source = new(SourceName);

    public static Activity? Stage(string name) => Source.StartActivity(name);
}
