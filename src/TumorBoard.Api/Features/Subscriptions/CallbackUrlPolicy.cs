namespace TumorBoard.Api.Features.Subscriptions;

/// <summary>
/// Whether a callback URL may be called: absolute http or https, no user info, and a host on the configured
/// allow-list (<see cref="SubscriptionOptions.AllowedCallbackHosts"/>). Checked when a subscription is created
/// and again before every delivery attempt, so removing a host from the list stops deliveries to it.
/// </summary>
public static class CallbackUrlPolicy
{
    /// <summary>Null when allowed; otherwise why not, phrased for the client.</summary>
    public static string? Check(string? url, IReadOnlyCollection<string> allowedHosts)
    {
        ArgumentNullException.ThrowIfNull(allowedHosts);
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "callbackUrl must be an absolute URL, e.g. https://receiver.example.org/tumorboard/events.";
        }

        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
        {
            return "callbackUrl must use http or https.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "callbackUrl must not carry credentials; the shared secret signs every delivery.";
        }

        if (!IsAllowedHost(uri.IdnHost, allowedHosts))
        {
            return allowedHosts.Count == 0
                ? "No callback host is allowed on this service: an operator must list it in Subscriptions:AllowedCallbackHosts."
                : $"The callback host '{uri.IdnHost}' is not on this service's allow-list (Subscriptions:AllowedCallbackHosts).";
        }

        return null;
    }

    private static bool IsAllowedHost(string host, IEnumerable<string> allowedHosts) =>
        allowedHosts.Any(allowed => allowed.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(host, allowed, StringComparison.OrdinalIgnoreCase));
}
