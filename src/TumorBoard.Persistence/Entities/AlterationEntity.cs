namespace TumorBoard.Persistence.Entities;

/// <summary>One normalised alteration of one report version (see Core's Alteration for the meaning of each field).</summary>
public sealed class AlterationEntity
{
    public Guid Id { get; set; }

    public Guid ReportId { get; set; }

    public Guid PatientId { get; set; }

    public int Ordinal { get; set; }

    public required string Key { get; set; }

    public required string Gene { get; set; }

    public required string Kind { get; set; }

    public string? ProteinChange { get; set; }

    /// <summary>The parsed protein change as JSON, so matchers get the same fields back without re-parsing.</summary>
    public string? ProteinJson { get; set; }

    public string? CodingChange { get; set; }

    public string? Transcript { get; set; }

    public decimal? CopyNumber { get; set; }

    public string? CnaCall { get; set; }

    public List<string>? FusionGenes { get; set; }

    public decimal? Value { get; set; }

    public decimal? Vaf { get; set; }

    public required string Origin { get; set; }

    public string? Description { get; set; }

    public bool Interpreted { get; set; }
}
