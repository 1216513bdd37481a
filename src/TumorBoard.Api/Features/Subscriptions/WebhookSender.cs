using Microsoft.Extensions.Options;

namespace TumorBoard.Api.Features.Subscriptions;

/// <summary>
/// The background sender: <see cref="SubscriptionOptions.Concurrency"/> workers each deliver due messages one at a
/// time and sleep <see cref="SubscriptionOptions.PollInterval"/> when none is due. Safe with any number of
/// instances (see <see cref="WebhookDelivery"/>); nothing is kept in memory, so a restart loses nothing.
/// </summary>
public sealed class WebhookSender(WebhookDelivery delivery, IOptionsMonitor<SubscriptionOptions> options, TimeProvider clock, ILogger<WebhookSender> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.CurrentValue.Concurrency)).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            bool delivered;
            try
            {
                delivered = await delivery.TryDeliverOneAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // the sender's loop must outlive any failed round; the message stays pending
            catch (Exception e)
#pragma warning restore CA1031
            {
                // The loop must outlive a database outage or a failed commit: the message stays pending (its
                // attempt rolled back) and is tried again on the next poll. Logged without the body.
                logger.DeliveryRoundFailed(e);
                delivered = false;
            }

            if (!delivered)
            {
                try
                {
                    await Task.Delay(options.CurrentValue.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
