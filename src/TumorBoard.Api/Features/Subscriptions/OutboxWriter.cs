using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Api.Features.Subscriptions;

/// <summary>
/// Adds one outbox message per event and matching active subscription to the caller's context, so they commit
/// (or roll back) with the change that caused them: the transactional outbox. The body is fixed here, once: every
/// attempt sends these exact bytes under the same event id.
/// </summary>
public sealed class OutboxWriter(TimeProvider clock)
{
    /// <summary>The trials some active subscription names: writers read previous arm statuses for these only.</summary>
    public static async Task<string[]> SubscribedTrialsAsync(TumorBoardDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Subscriptions.Where(s => s.Active && s.TrialId != null).Select(s => s.TrialId!).Distinct().ToArrayAsync(ct);
    }

    public async Task<int> AddAsync(TumorBoardDbContext db, IReadOnlyList<OutboxEvent> events, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return 0;
        }

        var types = events.Select(e => e.Type).Distinct(StringComparer.Ordinal).ToArray();
        var trials = events.Select(e => e.TrialId).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var anyTrial = events.Any(e => e.TrialId is null);
        var subscriptions = await db.Subscriptions.AsNoTracking()
            .Where(s => s.Active && (anyTrial || (s.TrialId != null && trials.Contains(s.TrialId))) && s.EventTypes.Any(t => types.Contains(t)))
            .OrderBy(s => s.CreatedAt)
            .Select(s => new { s.Id, s.TrialId, s.ArmId, s.EventTypes })
            .ToListAsync(ct);
        if (subscriptions.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var e in events)
        {
            foreach (var s in subscriptions.Where(s => s.EventTypes.Contains(e.Type, StringComparer.Ordinal)
                && (e.TrialId is null || string.Equals(s.TrialId, e.TrialId, StringComparison.Ordinal))
                && (s.ArmId is null || e.ArmId is null || string.Equals(s.ArmId, e.ArmId, StringComparison.Ordinal))))
            {
                var eventId = Guid.CreateVersion7(now);
                db.OutboxMessages.Add(new OutboxMessageEntity
                {
                    EventId = eventId,
                    SubscriptionId = s.Id,
                    Type = e.Type,
                    PatientId = e.PatientId,
                    Body = Body(eventId, s.Id, e, now),
                    State = OutboxStates.Pending,
                    CreatedAt = now,
                    NextAttemptAt = now,
                });
                added++;
            }
        }

        return added;
    }

    private static string Body(Guid eventId, Guid subscriptionId, OutboxEvent e, DateTimeOffset now)
    {
        var body = new JsonObject
        {
            ["eventId"] = eventId,
            ["type"] = e.Type,
            ["at"] = now.UtcDateTime,
            ["subscriptionId"] = subscriptionId,
        };
        foreach (var (name, value) in e.Fields)
        {
            body[name] = value?.DeepClone();
        }

        return body.ToJsonString();
    }
}

/// <summary>The states of an outbox message.</summary>
public static class OutboxStates
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";

    /// <summary>Its subscription was deactivated before it could be delivered.</summary>
    public const string Cancelled = "cancelled";
}
