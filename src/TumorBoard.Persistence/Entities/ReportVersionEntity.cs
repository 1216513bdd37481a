namespace TumorBoard.Persistence.Entities;

/// <summary>A superseded version of a report (history of amendments and corrections).</summary>
public sealed class ReportVersionEntity
{
    public Guid Id { get; set; }

    public Guid ReportId { get; set; }

    public int Version { get; set; }

    public required string Status { get; set; }

    public required string ContentHash { get; set; }

    public required string FhirJson { get; set; }

    public Guid BundleId { get; set; }

    public DateTimeOffset StoredAt { get; set; }

    public DateTimeOffset SupersededAt { get; set; }
}
