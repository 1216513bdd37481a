namespace TumorBoard.Persistence.Entities;

/// <summary>A patient business identifier; (system, value) is unique across patients: it is the pairing key.</summary>
public sealed class PatientIdentifierEntity
{
    public Guid Id { get; set; }

    public Guid PatientId { get; set; }

    public required string System { get; set; }

    public required string Value { get; set; }
}
