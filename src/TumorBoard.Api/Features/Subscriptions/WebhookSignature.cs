using System.Security.Cryptography;
using System.Text;

namespace TumorBoard.Api.Features.Subscriptions;

/// <summary>
/// The signature a receiver checks: <c>X-TumorBoard-Signature: sha256=&lt;lower-case hex HMAC-SHA256 of the exact
/// body bytes, keyed with the subscription's secret (UTF-8)&gt;</c>. A receiver recomputes it over the raw body it
/// read (before any JSON parsing) and compares in constant time.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-TumorBoard-Signature";
    public const string EventIdHeader = "X-TumorBoard-Event-Id";
    public const string EventTypeHeader = "X-TumorBoard-Event-Type";
    public const string AttemptHeader = "X-TumorBoard-Delivery-Attempt";

    /// <summary>The usual name for the same value as <see cref="EventIdHeader"/>: the event id, stable across retries.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static string Sign(string secret, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }

    /// <summary>What a receiver does: recompute and compare in constant time.</summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? header) =>
        header is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, body)), Encoding.ASCII.GetBytes(header));
}
