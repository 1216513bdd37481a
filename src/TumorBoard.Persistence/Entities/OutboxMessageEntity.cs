namespace TumorBoard.Persistence.Entities;

/// <summary>
/// One event for one subscription, written in the same transaction as the change that caused it (the
/// transactional outbox) and delivered by the webhook sender. The body is stored as the exact bytes that are
/// signed and sent, so every retry sends the same body with the same event id. Holds no names or identifiers.
/// </summary>
public sealed class OutboxMessageEntity
{
    /// <summary>Delivery order: per subscription, a message is sent only when every older one is delivered or failed.</summary>
    public long Id { get; set; }

    /// <summary>The idempotency key a receiver deduplicates on (the body's <c>eventId</c>).</summary>
    public Guid EventId { get; set; }

    public Guid SubscriptionId { get; set; }

    /// <summary><c>arm.match</c>, ...</summary>
    public required string Type { get; set; }

    /// <summary>The internal patient id the event is about (for operators; also in the body).</summary>
    public Guid? PatientId { get; set; }

    /// <summary>The JSON body, exactly as signed and sent.</summary>
    public required string Body { get; set; }

    /// <summary><c>pending</c>, <c>delivered</c> or <c>failed</c>.</summary>
    public required string State { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public string? LastError { get; set; }
}
