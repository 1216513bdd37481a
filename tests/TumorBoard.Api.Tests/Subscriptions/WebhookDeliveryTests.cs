using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TumorBoard.Api.Features.Rematch;
using TumorBoard.Api.Features.Subscriptions;
using TumorBoard.TestSupport;

namespace TumorBoard.Api.Tests.Subscriptions;

/// <summary>New matches reach a subscriber: signed, in order, retried with the same event id, failed after the bound, and never lost across a restart.</summary>
public sealed class WebhookDeliveryTests(DatabaseFixture database) : SubscriptionTestBase(database)
{
    private static readonly string[] BodyFields = ["eventId", "type", "at", "subscriptionId", "trialId", "armId", "patientId", "status", "evaluationId", "link"];

    [Fact]
    public async Task Given_a_receiver_that_fails_the_first_deliveries_when_three_patients_match_then_events_arrive_signed_in_order_with_stable_event_ids()
    {
        var service = Start();
        await OpenArmAsync(service, "Lung-MAP", "S1400B");
        var subscriptionId = await SubscribeAsync(service, "Lung-MAP", "S1400B");
        Receiver.FailFirst = 2;

        var patients = new List<Guid>();
        foreach (var mrn in new[] { "MRN-SUB-1", "MRN-SUB-2", "MRN-SUB-3" })
        {
            patients.Add(await IngestAsync(service, SquamousPik3ca(mrn)));
        }

        var deliveries = await SettledAsync(service, subscriptionId, 3);
        var eventIds = deliveries.Select(d => d.GetProperty("eventId").GetString()!).ToList();
        Assert.All(deliveries, d => Assert.Equal("delivered", d.GetProperty("state").GetString()));
        Assert.Equal(patients, deliveries.Select(d => d.GetProperty("patientId").GetGuid()));

        // Per-subscription order: the first event is retried until delivered before the second is sent.
        var received = Receiver.Received;
        Assert.Equal([eventIds[0], eventIds[0], eventIds[0], eventIds[1], eventIds[2]], received.Select(r => r.EventId));
        Assert.Equal([1, 2, 3, 1, 1], received.Select(r => r.Attempt ?? 0));
        Assert.Equal([503, 503, 204, 204, 204], received.Select(r => r.Answered));
        Assert.Equal(["retry", "retry", "delivered"], deliveries[0].GetProperty("attemptLog").EnumerateArray().Select(a => a.GetProperty("outcome").GetString()));
        Assert.Equal([503, 503, 204], deliveries[0].GetProperty("attemptLog").EnumerateArray().Select(a => a.GetProperty("statusCode").GetInt32()));

        foreach (var delivery in received)
        {
            Assert.True(WebhookSignature.Verify(Secret, delivery.Body, delivery.Signature), "signature");
            Assert.False(WebhookSignature.Verify("another-secret-of-someone-else", delivery.Body, delivery.Signature));
            var body = JsonDocument.Parse(delivery.Body).RootElement;
            Assert.Equal(delivery.EventId, body.GetProperty("eventId").GetString());
            Assert.Equal(delivery.EventId, delivery.IdempotencyKey);
            Assert.Equal("arm.match", delivery.EventType);
        }

        // A retry is the same bytes under the same event id.
        Assert.Equal(received[0].Body, received[2].Body);
    }

    [Fact]
    public async Task An_event_body_holds_the_arm_the_internal_patient_id_the_status_and_a_link_and_no_identifier_or_name()
    {
        var service = Start();
        await OpenArmAsync(service, "Lung-MAP", "S1400B");
        var subscriptionId = await SubscribeAsync(service, "Lung-MAP", null);
        var patientId = await IngestAsync(service, SquamousPik3ca("MRN-PHI-77"));

        var delivery = Assert.Single(await SettledAsync(service, subscriptionId, 1));
        var raw = Assert.Single(Receiver.Received).Body;
        var body = JsonDocument.Parse(raw).RootElement;
        Assert.Equal(BodyFields.Order(StringComparer.Ordinal), body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("arm.match", body.GetProperty("type").GetString());
        Assert.Equal("Lung-MAP", body.GetProperty("trialId").GetString());
        Assert.Equal("S1400B", body.GetProperty("armId").GetString());
        Assert.Equal(patientId, body.GetProperty("patientId").GetGuid());
        Assert.Contains(body.GetProperty("status").GetString(), new[] { "eligible", "potential" });
        Assert.Equal($"/api/evaluations/{body.GetProperty("evaluationId").GetGuid()}", body.GetProperty("link").GetString());
        Assert.Equal(delivery.GetProperty("eventId").GetString(), body.GetProperty("eventId").GetString());
        var text = Encoding.UTF8.GetString(raw);
        Assert.DoesNotContain("MRN-PHI-77", text, StringComparison.Ordinal);
        Assert.DoesNotContain("urn:test:mrn", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ACC-MRN-PHI-77", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_receiver_that_keeps_failing_when_the_attempts_run_out_then_the_event_is_failed_and_the_next_one_goes_out()
    {
        var service = Start(maxAttempts: 3);
        await OpenArmAsync(service, "Lung-MAP", "S1400B");
        var subscriptionId = await SubscribeAsync(service, "Lung-MAP", "S1400B");
        Receiver.FailFirst = 3;

        await IngestAsync(service, SquamousPik3ca("MRN-FAIL-1"));
        await IngestAsync(service, SquamousPik3ca("MRN-FAIL-2"));

        var deliveries = await SettledAsync(service, subscriptionId, 2);
        Assert.Equal("failed", deliveries[0].GetProperty("state").GetString());
        Assert.Equal(3, deliveries[0].GetProperty("attempts").GetInt32());
        Assert.Equal(["retry", "retry", "failed"], deliveries[0].GetProperty("attemptLog").EnumerateArray().Select(a => a.GetProperty("outcome").GetString()));
        Assert.Equal("HTTP 503 Service Unavailable", deliveries[0].GetProperty("lastError").GetString());
        Assert.Equal("delivered", deliveries[1].GetProperty("state").GetString());
        Assert.Equal(1, deliveries[1].GetProperty("attempts").GetInt32());
        Assert.Equal(4, Receiver.Received.Count);
    }

    [Fact]
    public async Task Given_an_instance_stopped_while_its_receiver_is_down_when_another_starts_on_the_same_database_then_every_event_arrives_under_its_own_id()
    {
        var first = Start(maxAttempts: 1000);
        await OpenArmAsync(first, "Lung-MAP", "S1400B");
        var subscriptionId = await SubscribeAsync(first, "Lung-MAP", "S1400B");
        Receiver.FailAll = true;
        await IngestAsync(first, SquamousPik3ca("MRN-RESTART-1"));
        await IngestAsync(first, SquamousPik3ca("MRN-RESTART-2"));
        await WaitForAsync(() => Receiver.Received.Count >= 2);

        await StopAsync(first);
        var attemptsBefore = Receiver.Received.Count;
        Receiver.FailAll = false;
        var second = Start(maxAttempts: 1000);
        var deliveries = await SettledAsync(second, subscriptionId, 2);

        var outboxIds = deliveries.Select(d => d.GetProperty("eventId").GetString()).ToHashSet();
        Assert.All(deliveries, d => Assert.Equal("delivered", d.GetProperty("state").GetString()));
        Assert.True(Receiver.Received.Count > attemptsBefore);
        Assert.Equal(outboxIds, Receiver.Received.Select(r => r.EventId).ToHashSet());
        Assert.Equal(2, await CountAsync("SELECT count(*) FROM outbox_messages"));
    }

    [Fact]
    public async Task Given_patients_listed_on_a_closed_arm_when_it_opens_and_the_rematch_runs_then_each_is_announced_once()
    {
        var service = Start();
        var subscriptionId = await SubscribeAsync(service, "Lung-MAP", "S1400B");
        var patientId = await IngestAsync(service, SquamousPik3ca("MRN-REOPEN-1"));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM outbox_messages"));

        await OpenArmAsync(service, "Lung-MAP", "S1400B");
        var rematcher = service.Services.GetRequiredService<Rematcher>();
        await rematcher.RunAsync(batchSize: 10, CancellationToken.None);
        await rematcher.RunAsync(batchSize: 10, CancellationToken.None);

        var delivery = Assert.Single(await SettledAsync(service, subscriptionId, 1));
        Assert.Equal(patientId, delivery.GetProperty("patientId").GetGuid());
        var body = JsonDocument.Parse(Assert.Single(Receiver.Received).Body).RootElement;
        Assert.Equal(1, await CountAsync($"SELECT count(*) FROM evaluations WHERE trigger = 'rematch' AND id = '{body.GetProperty("evaluationId").GetGuid()}'"));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!condition())
        {
            Assert.False(bound.IsCancellationRequested, "condition not reached");
            await Task.Delay(20);
        }
    }
}
