using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Persistence;

namespace TumorBoard.Api.Features.Audit;

/// <summary>A patient's audit trail, newest first, for the API and the board page.</summary>
public sealed class AuditTrailQuery(TumorBoardDbContext db)
{
    public const int MaxLimit = 5000;

    /// <summary>Up to <paramref name="limit"/> events (500 when not given), or why not: a limit out of range (invalid), no such patient (not found).</summary>
    public async Task<Outcome<List<AuditEventDto>>> GetAsync(Guid patientId, int? limit, CancellationToken ct)
    {
        if (Paging.OutOfRange(("limit", limit, 1, MaxLimit)) is { } outOfRange)
        {
            return new(outOfRange);
        }

        if (!await db.Patients.AnyAsync(p => p.Id == patientId, ct))
        {
            return new(Failure.NotFound("patient", patientId));
        }

        var rows = await db.AuditEvents.AsNoTracking()
            .Where(a => a.PatientId == patientId)
            .OrderByDescending(a => a.Id)
            .Take(limit ?? 500)
            .ToListAsync(ct);
        return new(rows.Select(r => new AuditEventDto(r.At, r.Actor, r.Action, r.EntityType, r.EntityId, JsonSerializer.Deserialize<JsonElement>(r.Details))).ToList());
    }
}
