namespace TumorBoard.Persistence.Entities;

/// <summary>A disease-status assessment (mCODE CancerDiseaseStatus) as the bundle stated it; trial criteria read progression from the latest.</summary>
public sealed class DiseaseStatusEntity
{
    public Guid Id { get; set; }

    public Guid PatientId { get; set; }

    /// <summary>The Core DiseaseStatus name, lower-case (progression, stable, improved, notdetected, undetermined).</summary>
    public required string Status { get; set; }

    public DateTimeOffset? EffectiveAt { get; set; }

    /// <summary>The resource it was read from and its coded value (<c>Observation/ds-1 (SNOMED CT 271299001 worse)</c>).</summary>
    public required string Source { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
