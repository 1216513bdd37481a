namespace TumorBoard.Persistence.Entities;

/// <summary>
/// The current version of a genomics report, keyed by its lab identifier. Amended or corrected
/// versions replace it; the replaced version moves to <see cref="ReportVersionEntity"/>.
/// </summary>
public sealed class ReportEntity
{
    public Guid Id { get; set; }

    public Guid PatientId { get; set; }

    public Guid BundleId { get; set; }

    public Guid? SpecimenId { get; set; }

    public required string IdentifierSystem { get; set; }

    public required string IdentifierValue { get; set; }

    public bool IdentifierIsDerived { get; set; }

    public required string Status { get; set; }

    public DateTimeOffset? IssuedAt { get; set; }

    public DateTimeOffset? EffectiveAt { get; set; }

    public DateTimeOffset StoredAt { get; set; }

    public int Version { get; set; } = 1;

    public required string ContentHash { get; set; }

    /// <summary>How <see cref="ContentHash"/> was made (1: Firely's serialisation; 2: the posted JSON); rows stored before
    /// version 2 existed are 1 (the migration's default). See docs/adr/0005-report-content-hash-versions.md.</summary>
    public int ContentHashVersion { get; set; } = 1;

    public required string FhirJson { get; set; }

    public List<string>? PanelGenes { get; set; }

    public string LabAnnotationsJson { get; set; } = "[]";

    public List<string> Warnings { get; set; } = [];

    public SpecimenEntity? Specimen { get; set; }

    public List<AlterationEntity> Alterations { get; set; } = [];
}
