using FluentValidation;

namespace TumorBoard.Api.Features.Subscriptions;

/// <summary>A subscription to new matches of a trial's arms, or to patient-level events (molecular progression).</summary>
/// <param name="TrialId">The trial (e.g. NCI-MATCH); required for <c>arm.match</c>, omitted for patient-level types (<c>molecular.progression</c>).</param>
/// <param name="ArmId">One arm of it; omitted: every arm.</param>
/// <param name="CallbackUrl">Absolute http(s) URL on a host this service allows (Subscriptions:AllowedCallbackHosts).</param>
/// <param name="Secret">Shared secret (16-256 characters) that signs every delivery; never returned.</param>
/// <param name="EventTypes">Event types to receive; default <c>["arm.match"]</c>.</param>
public sealed record SubscriptionRequest(string? TrialId, string? ArmId, string? CallbackUrl, string? Secret, IReadOnlyList<string>? EventTypes = null);

public sealed record SubscriptionCreated(Guid SubscriptionId);

/// <summary>A subscription as read back: everything but the secret.</summary>
public sealed record SubscriptionDto(
    Guid SubscriptionId,
    string? TrialId,
    string? ArmId,
    string CallbackUrl,
    IReadOnlyList<string> EventTypes,
    bool Active,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeactivatedAt,
    string? DeactivatedBy);

/// <summary>One event for the subscription, with every attempt to deliver it.</summary>
public sealed record DeliveryDto(
    Guid EventId,
    string Type,
    Guid? PatientId,
    string State,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt,
    string? LastError,
    IReadOnlyList<DeliveryAttemptDto> AttemptLog);

public sealed record DeliveryAttemptDto(int Attempt, DateTimeOffset At, int? StatusCode, string Outcome, string? Error, int DurationMs);

public sealed class SubscriptionRequestValidator : AbstractValidator<SubscriptionRequest>
{
    public SubscriptionRequestValidator()
    {
        // A trial scopes arm events; patient-level events (molecular progression) concern no trial, so a subscription
        // either names a trial and lists arm events only, or names none and lists patient-level events only.
        RuleFor(r => r.TrialId).NotEmpty().When(r => !PatientLevelOnly(r.EventTypes))
            .WithMessage($"trialId is required unless eventTypes lists only patient-level types ({string.Join(", ", Subscriptions.EventTypes.PatientLevel)}).");
        RuleFor(r => r.TrialId).Empty().When(r => r.EventTypes is { Count: > 0 } types && types.Any(Subscriptions.EventTypes.IsPatientLevel))
            .WithMessage($"patient-level event types ({string.Join(", ", Subscriptions.EventTypes.PatientLevel)}) concern no trial: omit trialId and armId, or subscribe to them separately.");
        RuleFor(r => r.TrialId).MaximumLength(128);
        RuleFor(r => r.ArmId).MaximumLength(128);
        RuleFor(r => r.ArmId).Empty().When(r => string.IsNullOrEmpty(r.TrialId)).WithMessage("armId needs a trialId.");
        RuleFor(r => r.CallbackUrl).NotEmpty().MaximumLength(2048);
        RuleFor(r => r.Secret).NotEmpty().Length(16, 256).WithMessage("secret must be 16 to 256 characters (a random value; it signs every delivery).");
        RuleForEach(r => r.EventTypes).Must(t => Subscriptions.EventTypes.All.Contains(t, StringComparer.Ordinal))
            .WithMessage($"each event type must be one of: {string.Join(", ", Subscriptions.EventTypes.All)}.");
    }

    private static bool PatientLevelOnly(IReadOnlyList<string>? types) => types is { Count: > 0 } && types.All(Subscriptions.EventTypes.IsPatientLevel);
}
