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
        db.AuditEvents.Add(Event(action, entityType, entityId, patientId, details));

    /// <summary>The row <see cref="Record"/> adds, for a caller that writes it in its own statement batch.</summary>
    public AuditEventEntity Event(string action, string entityType, string entityId, Guid? patientId, object? details = null) =>
        new()
        {
            At = clock.GetUtcNow(),
            Actor = http.HttpContext?.User.FindFirst("sub")?.Value ?? "system",
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
