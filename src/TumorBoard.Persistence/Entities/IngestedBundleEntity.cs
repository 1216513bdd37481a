namespace TumorBoard.Persistence.Entities;

/// <summary>A posted Bundle exactly as received, kept for provenance; reports point back to the bundle they came from.</summary>
public sealed class IngestedBundleEntity
{
    public Guid Id { get; set; }

    public Guid PatientId { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public required string ContentType { get; set; }

    public required string Sha256 { get; set; }

    public required string RawBody { get; set; }

    public string? Actor { get; set; }

    public List<string> Warnings { get; set; } = [];
}
