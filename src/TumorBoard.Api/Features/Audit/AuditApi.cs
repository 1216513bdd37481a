using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using TumorBoard.Api.Infrastructure;

namespace TumorBoard.Api.Features.Audit;

public sealed record AuditEventDto(DateTimeOffset At, string Actor, string Action, string EntityType, string EntityId, JsonElement Details);

/// <summary>GET /api/patients/{id}/audit: the patient's audit trail, newest first.</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/patients/{patientId:guid}/audit", GetAsync)
            .WithTags("Audit")
            .WithSummary("Every ingestion, evaluation, review, sign-off and read of the patient, newest first")
            .RequireAuthorization(Policies.ReadAudit);
        return routes;
    }

    private static async Task<Results<Ok<List<AuditEventDto>>, ProblemHttpResult>> GetAsync(Guid patientId, int? limit, AuditTrailQuery trail, CancellationToken ct) =>
        (await trail.GetAsync(patientId, limit, ct)).ToOk();
}
