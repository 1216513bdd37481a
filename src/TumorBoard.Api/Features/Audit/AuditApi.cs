using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Persistence;

namespace TumorBoard.Api.Features.Audit;

public sealed record AuditEventDto(DateTimeOffset At, string Actor, string Action, string EntityType, string EntityId, JsonElement Details);

/// <summary>GET /api/patients/{id}/audit: the patient's audit trail, newest first.</summary>
public static class AuditApi
{
    private const int MaxLimit = 5000;

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/patients/{patientId:guid}/audit", GetAsync)
            .WithTags("Audit")
            .WithSummary("Every ingestion, evaluation, review, sign-off and read of the patient, newest first")
            .RequireAuthorization(Policies.ReadAudit);
        return routes;
    }

    internal static async Task<Results<Ok<List<AuditEventDto>>, ProblemHttpResult>> GetAsync(
        Guid patientId, int? limit, TumorBoardDbContext db, CancellationToken ct)
    {
        if (Paging.Check(("limit", limit, 1, MaxLimit)) is { } outOfRange)
        {
            return outOfRange;
        }

        if (!await db.Patients.AnyAsync(p => p.Id == patientId, ct))
        {
            return NotFoundProblem.For("patient", patientId);
        }

        var rows = await db.AuditEvents.AsNoTracking()
            .Where(a => a.PatientId == patientId)
            .OrderByDescending(a => a.Id)
            .Take(limit ?? 500)
            .ToListAsync(ct);
        return TypedResults.Ok(rows.Select(r => new AuditEventDto(r.At, r.Actor, r.Action, r.EntityType, r.EntityId, JsonSerializer.Deserialize<JsonElement>(r.Details))).ToList());
    }
}
