using System.Diagnostics.CodeAnalysis;
namespace TumorBoard.Api.Features.Subscriptions;

/// <summary>Section <c>Subscriptions</c>: who may be called back, and how the sender retries.</summary>
public sealed class SubscriptionOptions
{
    public const string Section = "Subscriptions";

    /// <summary>
    /// Hosts a callback URL may name (exact host names or IP literals, or <c>*.example.org</c> for any subdomain).
    /// Empty: no subscription can be created. An allow-list, not a deny-list, because the service runs inside a
    /// clinical network: a callback aimed at an internal address (metadata endpoints, the database, admin
    /// consoles) would otherwise turn the sender into a request forger (SSRF). Re-checked before every attempt.
    /// </summary>
    [SuppressMessage("Performance", "CA1819:Properties should not return arrays", Justification = "An options class: the configuration binder replaces the array whole, and readers get a fresh snapshot per options change.")]
    public string[] AllowedCallbackHosts { get; set; } = [];

    /// <summary>Run the sender in this instance (every instance may: claims use <c>FOR UPDATE SKIP LOCKED</c>).</summary>
    public bool SenderEnabled { get; set; } = true;

    /// <summary>Attempts per event before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Delay after the first failed attempt; doubled after each further one.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Upper bound of the backoff delay.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often an idle sender looks for due events.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a receiver may take to answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Deliveries in flight at once per instance (one per subscription at most, to keep each subscription's order).</summary>
    public int Concurrency { get; set; } = 2;

    /// <summary>Absolute base of the link in event bodies (e.g. https://tumorboard.example.org); relative links without it.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The backoff before attempt <paramref name="failedAttempts"/> + 1: base * 2^(failed - 1), at most <see cref="MaxDelay"/>.</summary>
    public TimeSpan DelayAfter(int failedAttempts)
    {
        var factor = Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 30));
        var ticks = Math.Min(BaseDelay.Ticks * factor, MaxDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
