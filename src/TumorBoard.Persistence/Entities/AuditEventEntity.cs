namespace TumorBoard.Persistence.Entities;

/// <summary>
/// One audited action: who (token subject), when, what, on which entity. Append-only: the database
/// rejects UPDATE, DELETE and TRUNCATE on the table (see the InitialSchema migration).
/// Details never hold names or identifiers, only ids and codes.
/// </summary>
public sealed class AuditEventEntity
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Actor { get; set; }

    public required string Action { get; set; }

    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    public Guid? PatientId { get; set; }

    /// <summary>JSON object (jsonb) with ids, counts and codes.</summary>
    public string Details { get; set; } = "{}";
}
