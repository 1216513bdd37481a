namespace TumorBoard.Persistence.Entities;

/// <summary>The primary cancer (kind "primary") or a metastatic site (kind "secondary") as the bundle stated it.</summary>
public sealed class ConditionEntity
{
    public Guid Id { get; set; }

    public Guid PatientId { get; set; }

    public required string Kind { get; set; }

    public string? System { get; set; }

    public string? Code { get; set; }

    public string? Display { get; set; }

    public string? BodySite { get; set; }

    public string? OncotreeCode { get; set; }
}
