namespace TumorBoard.Persistence.Entities;

/// <summary>One attempt to deliver an outbox message: when, the receiver's answer (or the transport error) and what followed.</summary>
public sealed class DeliveryAttemptEntity
{
    public long Id { get; set; }

    public long MessageId { get; set; }

    public Guid SubscriptionId { get; set; }

    public int Attempt { get; set; }

    public DateTimeOffset AttemptedAt { get; set; }

    /// <summary>The receiver's HTTP status; null when no answer came (refused, timeout).</summary>
    public int? StatusCode { get; set; }

    /// <summary><c>delivered</c>, <c>retry</c> (another attempt is scheduled) or <c>failed</c> (no more attempts).</summary>
    public required string Outcome { get; set; }

    public string? Error { get; set; }

    public int DurationMs { get; set; }
}
