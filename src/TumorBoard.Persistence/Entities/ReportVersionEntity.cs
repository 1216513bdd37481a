namespace TumorBoard.Persistence.Entities;

/// <summary>A superseded version of a report (history of amendments and corrections).</summary>
public sealed class ReportVersionEntity
{
    public Guid Id { get; set; }

    public Guid ReportId { get; set; }

    public int Version { get; set; }

    public required string Status { get; set; }

    public required string ContentHash { get; set; }

    /// <summary>How <see cref="ContentHash"/> was made (1: Firely's serialisation; 2: the posted JSON); rows stored before
    /// version 2 existed are 1 (the migration's default). See docs/adr/0005-report-content-hash-versions.md.</summary>
    public int ContentHashVersion { get; set; } = 1;

    public required string FhirJson { get; set; }

    public Guid BundleId { get; set; }

    public DateTimeOffset StoredAt { get; set; }

    public DateTimeOffset SupersededAt { get; set; }
}
