using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Api.Features.Subscriptions;

/// <summary>
/// One delivery: claims the oldest due message whose subscription has no older pending one (row lock,
/// <c>SKIP LOCKED</c>, so instances and workers never take the same message, and one subscription's messages go
/// out one at a time, in order), sends it, records the attempt and the message's new state, and commits. The
/// lock is held until the attempt is recorded: if the instance dies mid-way, nothing commits and another instance
/// sends the same body with the same event id again.
/// </summary>
public sealed class WebhookDelivery(IServiceScopeFactory scopes, IHttpClientFactory http, TimeProvider clock, IOptionsMonitor<SubscriptionOptions> options, ILogger<WebhookDelivery> logger)
{
    public const string HttpClientName = "webhooks";

    private const string Retry = "retry";
    private const string NotAllowed = "Not allowed: ";

    /// <summary>Delivers one due message, if any; false when there was none.</summary>
    public async Task<bool> TryDeliverOneAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TumorBoardDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var claimed = await db.Database.SqlQuery<Claimed>($"""
            SELECT m.id, m.event_id, m.type, m.body, m.attempts, s.callback_url, s.secret
            FROM outbox_messages m JOIN subscriptions s ON s.id = m.subscription_id
            WHERE m.state = 'pending' AND m.next_attempt_at <= {now}
              AND NOT EXISTS (SELECT 1 FROM outbox_messages o
                              WHERE o.subscription_id = m.subscription_id AND o.state = 'pending' AND o.id < m.id)
            ORDER BY m.id
            LIMIT 1
            FOR UPDATE OF m SKIP LOCKED
            """).ToListAsync(ct);
        if (claimed.Count == 0)
        {
            return false;
        }

        var message = await db.OutboxMessages.SingleAsync(m => m.Id == claimed[0].Id, ct);
        var settings = options.CurrentValue;
        var attempt = message.Attempts + 1;
        var (status, error, elapsed) = await SendAsync(claimed[0], attempt, settings, ct);
        var delivered = status is >= 200 and < 300;
        // A host taken off the allow-list is not retried: the operator's decision stands.
        var refused = status is null && error is not null && error.StartsWith(NotAllowed, StringComparison.Ordinal);
        var outcome = delivered ? OutboxStates.Delivered : attempt >= settings.MaxAttempts || refused ? OutboxStates.Failed : Retry;
        message.Attempts = attempt;
        message.LastError = delivered ? null : error;
        message.State = outcome == Retry ? OutboxStates.Pending : outcome;
        message.DeliveredAt = delivered ? clock.GetUtcNow() : null;
        message.NextAttemptAt = outcome == Retry ? clock.GetUtcNow() + settings.DelayAfter(attempt) : message.NextAttemptAt;
        db.DeliveryAttempts.Add(new DeliveryAttemptEntity
        {
            MessageId = message.Id,
            SubscriptionId = message.SubscriptionId,
            Attempt = attempt,
            AttemptedAt = now,
            StatusCode = status,
            Outcome = outcome,
            Error = error,
            DurationMs = (int)elapsed.TotalMilliseconds,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        // Ids and outcomes only: the body, the URL's query and the secret stay out of logs.
        logger.DeliveryAttempted(message.EventId, message.Type, attempt, outcome, status);
        return true;
    }

    private async Task<(int? Status, string? Error, TimeSpan Elapsed)> SendAsync(Claimed message, int attempt, SubscriptionOptions settings, CancellationToken ct)
    {
        if (CallbackUrlPolicy.Check(message.CallbackUrl, settings.AllowedCallbackHosts) is { } refused)
        {
            return (null, NotAllowed + refused, TimeSpan.Zero);
        }

        var body = Encoding.UTF8.GetBytes(message.Body);
        using var request = new HttpRequestMessage(HttpMethod.Post, message.CallbackUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(message.Secret, body));
        request.Headers.Add(WebhookSignature.EventIdHeader, message.EventId.ToString());
        request.Headers.Add(WebhookSignature.IdempotencyKeyHeader, message.EventId.ToString());
        request.Headers.Add(WebhookSignature.EventTypeHeader, message.Type);
        request.Headers.Add(WebhookSignature.AttemptHeader, attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var code = (int)response.StatusCode;
            return (code, code is >= 200 and < 300 ? null : $"HTTP {code} {response.ReasonPhrase}", Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, $"No answer within {settings.Timeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} s", Stopwatch.GetElapsedTime(started));
        }
        catch (HttpRequestException e)
        {
            return (null, Truncate($"{e.HttpRequestError}: {e.Message}"), Stopwatch.GetElapsedTime(started));
        }
    }

    private static string Truncate(string text) => text.Length <= 1000 ? text : text[..1000];

    private sealed record Claimed(long Id, Guid EventId, string Type, string Body, int Attempts, string CallbackUrl, string Secret);
}
