using System.Text.Json;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Api.Features.Audit;

/// <summary>
/// Records who did what to which entity. Rows are added to the caller's DbContext, so an audited
/// change and its audit row commit (or roll back) together. Details carry ids and codes only.
/// </summary>
public sealed class AuditLog(TumorBoardDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Record(string action, string entityType, string entityId, Guid? patientId, object? details = null) =>
        db.AuditEvents.Add(Entry(clock.GetUtcNow(), http.HttpContext?.User.FindFirst("sub")?.Value ?? "system", action, entityType, entityId, patientId, details));

    /// <summary>Adds a row built with <see cref="Entry"/>, stamped with this request's actor and clock.</summary>
    public void Record(AuditEventEntity entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry.At = clock.GetUtcNow();
        entry.Actor = http.HttpContext?.User.FindFirst("sub")?.Value ?? "system";
        db.AuditEvents.Add(entry);
    }

    /// <summary>The row <see cref="Record(string, string, string, Guid?, object?)"/> adds, for a caller that writes it in its own statement batch.</summary>
    public AuditEventEntity Event(string action, string entityType, string entityId, Guid? patientId, object? details = null) =>
        Entry(clock.GetUtcNow(), http.HttpContext?.User.FindFirst("sub")?.Value ?? "system", action, entityType, entityId, patientId, details);

    /// <summary>The row <see cref="Record(string, string, string, Guid?, object?)"/> adds, built apart: writers that copy rows in bulk (the re-match) build them ahead.</summary>
    public static AuditEventEntity Entry(DateTimeOffset at, string actor, string action, string entityType, string entityId, Guid? patientId, object? details) => new()
    {
        At = at,
        Actor = actor,
        Action = action,
        EntityType = entityType,
        EntityId = entityId,
        PatientId = patientId,
        Details = JsonSerializer.Serialize(details ?? new { }, Json),
    };

    /// <summary>Records and saves at once: for reads, which change nothing else.</summary>
    public async Task RecordReadAsync(string entityType, string entityId, Guid patientId, CancellationToken cancellationToken)
    {
        Record("read", entityType, entityId, patientId);
        await db.SaveChangesAsync(cancellationToken);
    }
}
