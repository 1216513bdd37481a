namespace TumorBoard.Persistence.Entities;

/// <summary>A non-genomic tumour marker result (HER2 IHC, ER, PR...) as the bundle stated it; the latest per marker is in force.</summary>
public sealed class ClinicalMarkerEntity
{
    public Guid Id { get; set; }

    public Guid PatientId { get; set; }

    /// <summary>The Core ClinicalMarker name, lower-case (her2, estrogenreceptor...).</summary>
    public required string Marker { get; set; }

    /// <summary>positive, negative, low or equivocal.</summary>
    public required string Status { get; set; }

    public DateTimeOffset? EffectiveAt { get; set; }

    /// <summary>What the value was read from (code and value text), for the board to check.</summary>
    public required string Source { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
