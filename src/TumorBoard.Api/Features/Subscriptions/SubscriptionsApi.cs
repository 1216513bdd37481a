using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TumorBoard.Api.Features.Audit;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Api.Features.Subscriptions;

/// <summary>
/// Coordinators' subscriptions to new matches (docs/subscriptions.md): create, list, read, deactivate, and every
/// delivery with its attempts. The secret is accepted once and never answered or logged.
/// </summary>
public static class SubscriptionsApi
{
    private const int MaxDeliveries = 500;

    public static IEndpointRouteBuilder MapSubscriptions(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/subscriptions").WithTags("Subscriptions").RequireAuthorization(Policies.ManageTrials);
        group.MapPost("/", CreateAsync)
            .WithSummary("Subscribe a callback URL to new matches of an arm (or of every arm of a trial), or to patients' molecular progression")
            .WithExample(SubscriptionExamples.Request, StatusCodes.Status201Created, SubscriptionExamples.Created)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .AddEndpointFilter<ValidationFilter<SubscriptionRequest>>();
        group.MapGet("/", ListAsync).WithSummary("Every subscription, newest first (secrets are never returned)");
        group.MapGet("/{subscriptionId:guid}", GetAsync).WithSummary("One subscription");
        group.MapDelete("/{subscriptionId:guid}", DeactivateAsync).WithSummary("Deactivate a subscription; its undelivered events are cancelled, its history kept");
        group.MapGet("/{subscriptionId:guid}/deliveries", DeliveriesAsync).WithSummary("The subscription's events, newest first, each with every delivery attempt");
        return routes;
    }

    private static async Task<Results<Created<SubscriptionCreated>, ProblemHttpResult>> CreateAsync(
        SubscriptionRequest request, HttpContext http, TumorBoardDbContext db, Knowledge knowledge, AuditLog audit,
        IOptionsMonitor<SubscriptionOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        // No trial: a subscription to patient-level events only (the validator made sure).
        var trial = request.TrialId is null ? null : knowledge.Trials.Find(request.TrialId);
        if (request.TrialId is not null && trial is null)
        {
            errors["TrialId"] = [$"No trial '{request.TrialId}'."];
        }

        var arm = request.ArmId is null ? null : trial?.Arms.FirstOrDefault(a => string.Equals(a.Id, request.ArmId, StringComparison.OrdinalIgnoreCase));
        if (trial is not null && request.ArmId is not null && arm is null)
        {
            errors["ArmId"] = [$"No arm '{request.ArmId}' in trial '{trial.Id}'."];
        }

        if (CallbackUrlPolicy.Check(request.CallbackUrl, options.CurrentValue.AllowedCallbackHosts) is { } refused)
        {
            errors["CallbackUrl"] = [refused];
        }

        if (errors.Count > 0)
        {
            return TypedResults.Problem(new HttpValidationProblemDetails(errors) { Status = StatusCodes.Status422UnprocessableEntity, Title = "The subscription is not valid." });
        }

        var actor = http.Subject() ?? "unknown";
        var entity = new SubscriptionEntity
        {
            Id = Guid.CreateVersion7(),
            TrialId = trial?.Id,
            ArmId = arm?.Id,
            CallbackUrl = request.CallbackUrl!,
            Secret = request.Secret!,
            EventTypes = request.EventTypes is { Count: > 0 } types ? [.. types.Distinct(StringComparer.Ordinal)] : [EventTypes.ArmMatch],
            CreatedBy = actor,
            CreatedAt = clock.GetUtcNow(),
            Active = true,
        };
        db.Subscriptions.Add(entity);
        // The audit row names the target, never the secret.
        audit.Record("subscription-created", "subscription", entity.Id.ToString(), null, new { entity.TrialId, entity.ArmId, entity.CallbackUrl, entity.EventTypes });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/subscriptions/{entity.Id}", new SubscriptionCreated(entity.Id));
    }

    private static async Task<Ok<List<SubscriptionDto>>> ListAsync(TumorBoardDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Subscriptions.AsNoTracking().OrderByDescending(s => s.CreatedAt).ToListAsync(ct)).Select(ToDto).ToList());

    private static async Task<Results<Ok<SubscriptionDto>, ProblemHttpResult>> GetAsync(Guid subscriptionId, TumorBoardDbContext db, CancellationToken ct) =>
        await db.Subscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == subscriptionId, ct) is { } s
            ? TypedResults.Ok(ToDto(s))
            : NotFoundProblem.For("subscription", subscriptionId);

    private static async Task<Results<Ok<SubscriptionDto>, ProblemHttpResult>> DeactivateAsync(
        Guid subscriptionId, HttpContext http, TumorBoardDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Subscriptions.SingleOrDefaultAsync(s => s.Id == subscriptionId, ct) is not { } subscription)
        {
            return NotFoundProblem.For("subscription", subscriptionId);
        }

        if (subscription.Active)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            subscription.Active = false;
            subscription.DeactivatedAt = clock.GetUtcNow();
            subscription.DeactivatedBy = http.Subject() ?? "unknown";
            audit.Record("subscription-deactivated", "subscription", subscription.Id.ToString(), null, new { subscription.TrialId, subscription.ArmId });
            await db.SaveChangesAsync(ct);
            // A message the sender holds right now keeps its lock; this waits for it, then cancels the rest.
            await db.OutboxMessages.Where(m => m.SubscriptionId == subscriptionId && m.State == OutboxStates.Pending)
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.State, OutboxStates.Cancelled), ct);
            await transaction.CommitAsync(ct);
        }

        return TypedResults.Ok(ToDto(subscription));
    }

    private static async Task<Results<Ok<List<DeliveryDto>>, ProblemHttpResult>> DeliveriesAsync(Guid subscriptionId, int? limit, TumorBoardDbContext db, CancellationToken ct)
    {
        if (Paging.Check(("limit", limit, 1, MaxDeliveries)) is { } outOfRange)
        {
            return outOfRange;
        }

        if (!await db.Subscriptions.AnyAsync(s => s.Id == subscriptionId, ct))
        {
            return NotFoundProblem.For("subscription", subscriptionId);
        }

        var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.SubscriptionId == subscriptionId)
            .OrderByDescending(m => m.Id).Take(limit ?? 100).ToListAsync(ct);
        var ids = messages.Select(m => m.Id).ToList();
        var attempts = (await db.DeliveryAttempts.AsNoTracking().Where(a => ids.Contains(a.MessageId)).OrderBy(a => a.Attempt).ToListAsync(ct))
            .ToLookup(a => a.MessageId);
        return TypedResults.Ok(messages.Select(m => new DeliveryDto(
            m.EventId, m.Type, m.PatientId, m.State, m.Attempts, m.CreatedAt,
            m.State == OutboxStates.Pending ? m.NextAttemptAt : null, m.DeliveredAt, m.LastError,
            attempts[m.Id].Select(a => new DeliveryAttemptDto(a.Attempt, a.AttemptedAt, a.StatusCode, a.Outcome, a.Error, a.DurationMs)).ToList())).ToList());
    }

    private static SubscriptionDto ToDto(SubscriptionEntity s) =>
        new(s.Id, s.TrialId, s.ArmId, s.CallbackUrl, s.EventTypes, s.Active, s.CreatedBy, s.CreatedAt, s.DeactivatedAt, s.DeactivatedBy);
}
