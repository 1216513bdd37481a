namespace TumorBoard.Persistence.Entities;

/// <summary>
/// A coordinator's subscription to events about a trial (or one of its arms), or to patient-level events, delivered to a callback URL
/// signed with a shared secret. Deactivated, never deleted: its deliveries stay readable.
/// </summary>
public sealed class SubscriptionEntity
{
    public Guid Id { get; set; }

    /// <summary>Null for a subscription to patient-level events only (<c>molecular.progression</c>): they concern no trial.</summary>
    public string? TrialId { get; set; }

    /// <summary>Null: every arm of the trial.</summary>
    public string? ArmId { get; set; }

    public required string CallbackUrl { get; set; }

    /// <summary>
    /// The shared secret the sender signs every body with (HMAC-SHA256). Kept as given because signing needs it;
    /// no read model, DTO, log or audit row ever carries it.
    /// </summary>
    public required string Secret { get; set; }

    /// <summary>The event types delivered (<c>arm.match</c>, ...).</summary>
    public required string[] EventTypes { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public bool Active { get; set; }

    public DateTimeOffset? DeactivatedAt { get; set; }

    public string? DeactivatedBy { get; set; }
}
