namespace TumorBoard.Api.Features.Subscriptions;

/// <summary>Webhook delivery's log lines: ids and outcomes only; the body, the URL's query and the secret stay out (source-generated).</summary>
internal static partial class SubscriptionsLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook event {EventId} ({Type}) attempt {Attempt}: {Outcome} ({Status})")]
    public static partial void DeliveryAttempted(this ILogger logger, Guid eventId, string type, int attempt, string outcome, int? status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook sender: delivery round failed; retrying after the poll interval")]
    public static partial void DeliveryRoundFailed(this ILogger logger, Exception exception);
}
