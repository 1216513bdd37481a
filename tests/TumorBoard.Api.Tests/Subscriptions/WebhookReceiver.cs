using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TumorBoard.Api.Tests.Subscriptions;

/// <summary>A request the receiver got: the raw body bytes and the headers a receiver acts on, and what it answered.</summary>
[SuppressMessage("Performance", "CA1819:Properties should not return arrays", Justification = "The body bytes exactly as received, to check the HMAC signature over them.")]
public sealed record ReceivedDelivery(byte[] Body, string? Signature, string? EventId, string? IdempotencyKey, string? EventType, int? Attempt, int Answered);

/// <summary>
/// A webhook receiver on 127.0.0.1 (Kestrel, a free port): answers 503 to the first <see cref="FailFirst"/> requests,
/// or to every request while <see cref="FailAll"/> is set, and 204 otherwise; records every request.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedDelivery> _received = new();
    private int _failed;

    private WebhookReceiver(WebApplication app) => _app = app;

    public int FailFirst { get; set; }

    public bool FailAll { get; set; }

    public string Url { get; private set; } = string.Empty;

    public IReadOnlyList<ReceivedDelivery> Received => [.. _received];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks/tumorboard", (Delegate)receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = $"{address}/hooks/tumorboard";
        return receiver;
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var fail = FailAll || Interlocked.Increment(ref _failed) <= FailFirst;
        var answer = fail ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status204NoContent;
        var headers = context.Request.Headers;
        _received.Enqueue(new ReceivedDelivery(
            body.ToArray(), headers["X-TumorBoard-Signature"], headers["X-TumorBoard-Event-Id"], headers["Idempotency-Key"],
            headers["X-TumorBoard-Event-Type"], int.TryParse(headers["X-TumorBoard-Delivery-Attempt"], out var attempt) ? attempt : null, answer));
        return Results.StatusCode(answer);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
