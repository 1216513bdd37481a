using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Api.Features.Audit;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Api.Features.Jobs;

public sealed record JobDto(
    Guid Id,
    string Kind,
    string Status,
    string Reason,
    string RequestedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? HeartbeatAt,
    DateTimeOffset? FinishedAt,
    string? Owner,
    int Attempts,
    int PatientsTotal,
    int PatientsDone,
    int BatchesDone,
    string? KnowledgeBaseHash,
    string? TrialsHash,
    string? Error,
    IReadOnlyList<AuditEventDto> Events)
{
    /// <summary>The contract's names (<c>jobId, kind, state, done, total, startedAt, finishedAt, cause</c>) beside this service's own.</summary>
    public Guid JobId => Id;

    /// <summary>queued, running, completed or failed (= <see cref="Status"/>).</summary>
    public string State => Status;

    public int Done => PatientsDone;

    public int Total => PatientsTotal;

    /// <summary>What queued the job (= <see cref="Reason"/>), e.g. an arm status change or a new trial version.</summary>
    public string Cause => Reason;
}

/// <summary>GET /api/jobs and /api/jobs/{id}: background jobs (the re-match) with their progress, owner, heartbeat and audit events.</summary>
public static class JobsApi
{
    public static IEndpointRouteBuilder MapJobs(this IEndpointRouteBuilder routes)
    {
        var jobs = routes.MapGroup("/api/jobs").WithTags("Jobs").RequireAuthorization(Policies.ReadTrials);
        jobs.MapGet("/", ListAsync).WithSummary("Recent background jobs, newest first (status filter optional)");
        jobs.MapGet("/{jobId:guid}", GetAsync).WithSummary("One job: status, progress, owner instance, heartbeat and its audit events");
        return routes;
    }

    private static async Task<Results<Ok<List<JobDto>>, ProblemHttpResult>> ListAsync(string? status, int? limit, TumorBoardDbContext db, CancellationToken ct)
    {
        if (Paging.Check(("limit", limit, 1, 200)) is { } outOfRange)
        {
            return outOfRange;
        }

        var query = db.Jobs.AsNoTracking();
        if (!string.IsNullOrEmpty(status))
        {
            query = query.Where(j => j.Status == status);
        }

        var rows = await query.OrderByDescending(j => j.CreatedAt).Take(limit ?? 20).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(j => ToDto(j, [])).ToList());
    }

    private static async Task<Results<Ok<JobDto>, ProblemHttpResult>> GetAsync(Guid jobId, TumorBoardDbContext db, CancellationToken ct)
    {
        if (await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, ct) is not { } job)
        {
            return NotFoundProblem.For("job", jobId);
        }

        var id = jobId.ToString();
        var events = await db.AuditEvents.AsNoTracking().Where(a => a.EntityType == "job" && a.EntityId == id).OrderBy(a => a.Id).ToListAsync(ct);
        return TypedResults.Ok(ToDto(job, events.Select(r => new AuditEventDto(r.At, r.Actor, r.Action, r.EntityType, r.EntityId, JsonSerializer.Deserialize<JsonElement>(r.Details))).ToList()));
    }

    private static JobDto ToDto(JobEntity j, IReadOnlyList<AuditEventDto> events) => new(
        j.Id, j.Kind, j.Status, j.Reason, j.RequestedBy, j.CreatedAt, j.StartedAt, j.HeartbeatAt, j.FinishedAt, j.Owner,
        j.Attempts, j.PatientsTotal, j.PatientsDone, j.BatchesDone, j.KnowledgeBaseHash, j.TrialsHash, j.Error, events);
}
