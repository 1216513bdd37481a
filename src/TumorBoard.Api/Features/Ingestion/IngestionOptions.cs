namespace TumorBoard.Api.Features.Ingestion;

/// <summary>Section <c>Ingestion</c>.</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>Largest accepted bundle; larger ones get 413. Default 10 MB.</summary>
    public long MaxBundleBytes { get; set; } = 10 * 1024 * 1024;
}
