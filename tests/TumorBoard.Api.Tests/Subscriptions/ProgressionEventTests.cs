using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TumorBoard.Api.Features.Rematch;
using TumorBoard.Api.Features.Subscriptions;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.Tests.Scaling;
using TumorBoard.TestSupport;
using static TumorBoard.Api.Tests.Evolution.EvolutionCases;

namespace TumorBoard.Api.Tests.Subscriptions;

/// <summary>
/// Issue 17's <c>molecular.progression</c> event through the real pipeline: FHIR ingestion, the evaluation's flags, the
/// outbox in the evaluation's transaction, the sender and a receiver on 127.0.0.1. Announced once per new rising draw;
/// a re-post, a re-evaluation or a re-match of the same draws announces nothing; noise announces nothing.
/// </summary>
public sealed class ProgressionEventTests(DatabaseFixture database) : SubscriptionTestBase(database)
{
    private async Task<Guid> SubscribeToProgressionAsync(ServiceInstance instance)
    {
        var response = await instance.Client("coordinator-1", Roles.Trials).PostAsJsonAsync("/api/subscriptions",
            new { callbackUrl = Receiver.Url, secret = Secret, eventTypes = new[] { EventTypes.MolecularProgression } });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("subscriptionId").GetGuid();
    }

    private static JsonElement Body(ReceivedDelivery delivery) => JsonDocument.Parse(delivery.Body).RootElement;

    [Fact]
    public async Task Given_ESR1_Y537S_rising_over_four_draws_under_letrozole_then_one_signed_event_announces_the_latest_rise_without_identifiers()
    {
        var service = Start();
        var subscriptionId = await SubscribeToProgressionAsync(service);

        var patientId = await IngestAsync(service, Bundle(Esr1Rising));

        var delivery = Assert.Single(await SettledAsync(service, subscriptionId, 1));
        Assert.Equal("delivered", delivery.GetProperty("state").GetString());
        var received = Assert.Single(Receiver.Received);
        Assert.True(WebhookSignature.Verify(Secret, received.Body, received.Signature));
        Assert.Equal(EventTypes.MolecularProgression, received.EventType);
        var body = Body(received);
        Assert.Equal("molecular.progression", body.GetProperty("type").GetString());
        Assert.Equal(patientId, body.GetProperty("patientId").GetGuid());
        Assert.Equal(("ESR1 Y537S", "ESR1", "increase", "PADA-1"),
            (body.GetProperty("alterationKey").GetString(), body.GetProperty("gene").GetString(), body.GetProperty("kind").GetString(), body.GetProperty("progressionRuleId").GetString()));
        Assert.Equal((0.025m, 0.05m), (body.GetProperty("from").GetProperty("vaf").GetDecimal(), body.GetProperty("to").GetProperty("vaf").GetDecimal()));
        Assert.Equal(("2022-10-01", "2022-12-01"), (body.GetProperty("from").GetProperty("date").GetDateTimeOffset().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            body.GetProperty("to").GetProperty("date").GetDateTimeOffset().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains(body.GetProperty("underTherapies").EnumerateArray(), t => t.GetProperty("drugs")[0].GetString() == "letrozole");
        Assert.Contains("letrozole", body.GetProperty("resistedDrugs").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal($"/api/patients/{patientId}/evolution", body.GetProperty("link").GetString());

        // The sample ids are the service's report ids: the later draw is the patient's newest report.
        var evolution = await service.Client("dr-a", Roles.Board).GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/evolution", Json);
        Assert.Equal(evolution.GetProperty("samples").EnumerateArray().Last().GetProperty("reportId").GetGuid(), body.GetProperty("to").GetProperty("reportId").GetGuid());

        var text = Encoding.UTF8.GetString(received.Body);
        foreach (var identifier in new[] { "GOLD-EVO-2", "urn:tumorboard:golden", "EVO2-CT", "EVO2-BREAST", "1961-05-01" })
        {
            Assert.DoesNotContain(identifier, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Re_posting_re_evaluating_and_re_matching_the_same_draws_announce_nothing_again()
    {
        var service = Start(sender: false);
        await SubscribeToProgressionAsync(service);
        var patientId = await IngestAsync(service, Bundle(Esr1Rising));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM outbox_messages WHERE type = 'molecular.progression'"));

        await IngestAsync(service, Bundle(Esr1Rising));
        var reevaluated = await service.Client("dr-a", Roles.Board).PostAsync($"/api/patients/{patientId}/evaluations", null);
        Assert.Equal(HttpStatusCode.Created, reevaluated.StatusCode);
        // A new knowledge base makes every evaluation stale: the re-match evaluates the patient again. Evaluations are
        // append-only; the trigger is lifted for this one statement on the test database.
        await MakeLatestEvaluationsStaleAsync();
        var run = await service.Services.GetRequiredService<Rematcher>().RunAsync(batchSize: 10, CancellationToken.None);

        Assert.True(run.Acquired);
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM evaluations WHERE trigger = 'rematch'"));
        // The later evaluations still flag the progression (the board keeps seeing it); only the event is not repeated.
        Assert.Equal(3, await CountAsync("SELECT count(*) FROM evaluations WHERE json_array_length(document -> 'molecularProgression') = 4"));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM outbox_messages WHERE type = 'molecular.progression'"));
    }

    [Fact]
    public async Task Given_a_later_fifth_draw_where_ESR1_rises_again_then_a_new_event_announces_that_draw()
    {
        var service = Start();
        var subscriptionId = await SubscribeToProgressionAsync(service);
        var patientId = await IngestAsync(service, Bundle(Esr1Rising));
        await SettledAsync(service, subscriptionId, 1);

        Assert.Equal(patientId, await IngestAsync(service, Bundle(Esr1FifthDraw)));

        var deliveries = await SettledAsync(service, subscriptionId, 2);
        Assert.Equal(2, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal("delivered", d.GetProperty("state").GetString()));
        var bodies = Receiver.Received.Select(Body).ToList();
        Assert.Equal(2, bodies.Select(b => b.GetProperty("eventId").GetString()).Distinct(StringComparer.Ordinal).Count());
        var second = bodies.Last();
        Assert.Equal((0.05m, 0.08m), (second.GetProperty("from").GetProperty("vaf").GetDecimal(), second.GetProperty("to").GetProperty("vaf").GetDecimal()));
        Assert.Equal(bodies[0].GetProperty("to").GetProperty("reportId").GetGuid(), second.GetProperty("from").GetProperty("reportId").GetGuid());
        Assert.NotEqual(bodies[0].GetProperty("to").GetProperty("reportId").GetGuid(), second.GetProperty("to").GetProperty("reportId").GetGuid());
    }

    [Fact]
    public async Task A_single_low_VAF_draw_below_the_limit_of_detection_announces_nothing()
    {
        var service = Start(sender: false);
        await SubscribeToProgressionAsync(service);

        await IngestAsync(service, Bundle(SingleDrawBlip));

        // The outbox row would commit with the evaluation: none was written.
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM evaluations"));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM outbox_messages"));
    }

    [Fact]
    public async Task A_trial_subscription_does_not_receive_progression_and_arm_events_do_not_reach_a_progression_subscription()
    {
        var service = Start(sender: false);
        await OpenArmAsync(service, "Lung-MAP", "S1400B");
        var trialSubscription = await SubscribeAsync(service, "Lung-MAP", null);
        var progressionSubscription = await SubscribeToProgressionAsync(service);

        await IngestAsync(service, SquamousPik3ca("MRN-PROG-ARM-1"));
        await IngestAsync(service, Bundle(Esr1Rising));

        Assert.Equal(1, await CountAsync($"SELECT count(*) FROM outbox_messages WHERE subscription_id = '{trialSubscription}' AND type = 'arm.match'"));
        Assert.Equal(0, await CountAsync($"SELECT count(*) FROM outbox_messages WHERE subscription_id = '{trialSubscription}' AND type = 'molecular.progression'"));
        Assert.Equal(1, await CountAsync($"SELECT count(*) FROM outbox_messages WHERE subscription_id = '{progressionSubscription}'"));
    }

    [Theory]
    [InlineData("""{"trialId": "PADA-1", "callbackUrl": "CALLBACK", "secret": "s3cret-shared-with-the-trials-office", "eventTypes": ["molecular.progression"]}""", "TrialId")]
    [InlineData("""{"trialId": "PADA-1", "callbackUrl": "CALLBACK", "secret": "s3cret-shared-with-the-trials-office", "eventTypes": ["arm.match", "molecular.progression"]}""", "TrialId")]
    [InlineData("""{"armId": "S1400B", "callbackUrl": "CALLBACK", "secret": "s3cret-shared-with-the-trials-office", "eventTypes": ["molecular.progression"]}""", "ArmId")]
    [InlineData("""{"callbackUrl": "CALLBACK", "secret": "s3cret-shared-with-the-trials-office", "eventTypes": ["arm.match"]}""", "TrialId")]
    public async Task A_subscription_mixing_a_trial_scope_with_the_patient_level_event_is_refused_with_422_naming_the_field(string body, string field)
    {
        ArgumentNullException.ThrowIfNull(body);
        var service = Start(sender: false);

        var response = await service.Client("coordinator-1", Roles.Trials).PostAsync("/api/subscriptions",
            new StringContent(body.Replace("CALLBACK", Receiver.Url, StringComparison.Ordinal), Encoding.UTF8, "application/json"));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, text);
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), text);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM subscriptions"));
    }

    [Fact]
    public async Task A_progression_subscription_reads_back_with_no_trial_and_its_event_type()
    {
        var service = Start(sender: false);
        var id = await SubscribeToProgressionAsync(service);

        var read = await service.Client("coordinator-1", Roles.Trials).GetFromJsonAsync<JsonElement>($"/api/subscriptions/{id}", Json);

        Assert.Equal(JsonValueKind.Null, read.GetProperty("trialId").ValueKind);
        Assert.Equal(["molecular.progression"], read.GetProperty("eventTypes").EnumerateArray().Select(t => t.GetString()));
    }

    private async Task MakeLatestEvaluationsStaleAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("""
            ALTER TABLE evaluations DISABLE TRIGGER USER;
            UPDATE evaluations SET knowledge_base_hash = 'previous-knowledge-base' WHERE id IN (SELECT latest_evaluation_id FROM patients);
            ALTER TABLE evaluations ENABLE TRIGGER USER;
            """, connection);
        await command.ExecuteNonQueryAsync();
    }
}
