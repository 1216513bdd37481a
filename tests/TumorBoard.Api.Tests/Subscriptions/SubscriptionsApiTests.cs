using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TumorBoard.Api.Infrastructure;
using TumorBoard.TestSupport;

namespace TumorBoard.Api.Tests.Subscriptions;

/// <summary>Creating, reading and deactivating subscriptions: validation as ProblemDetails, the secret never returned, the allow-list enforced.</summary>
public sealed class SubscriptionsApiTests(DatabaseFixture database) : SubscriptionTestBase(database)
{
    [Theory]
    [InlineData("ftp://127.0.0.1/hook", "CallbackUrl")]
    [InlineData("/relative/hook", "CallbackUrl")]
    [InlineData("http://user:pw@127.0.0.1/hook", "CallbackUrl")]
    [InlineData("http://169.254.169.254/latest/meta-data", "CallbackUrl")]
    [InlineData("https://internal-db.cluster.local/hook", "CallbackUrl")]
    public async Task A_callback_url_that_is_not_an_allowed_http_url_is_refused_with_422(string url, string field)
    {
        var service = Start(sender: false);

        var response = await service.Client("coordinator-1", Roles.Trials).PostAsJsonAsync("/api/subscriptions", new { trialId = "Lung-MAP", callbackUrl = url, secret = Secret });

        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, field);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM subscriptions"));
    }

    [Theory]
    [InlineData("""{"trialId": "NO-SUCH-TRIAL", "callbackUrl": "CALLBACK", "secret": "s3cret-shared-with-the-trials-office"}""", "TrialId")]
    [InlineData("""{"trialId": "Lung-MAP", "armId": "NO-ARM", "callbackUrl": "CALLBACK", "secret": "s3cret-shared-with-the-trials-office"}""", "ArmId")]
    [InlineData("""{"trialId": "Lung-MAP", "callbackUrl": "CALLBACK", "secret": "short"}""", "Secret")]
    [InlineData("""{"trialId": "Lung-MAP", "callbackUrl": "CALLBACK", "secret": "s3cret-shared-with-the-trials-office", "eventTypes": ["patient.deleted"]}""", "EventTypes[0]")]
    [InlineData("""{"callbackUrl": "CALLBACK", "secret": "s3cret-shared-with-the-trials-office"}""", "TrialId")]
    public async Task A_subscription_naming_what_does_not_exist_or_a_weak_secret_is_refused_with_422_naming_the_field(string body, string field)
    {
        ArgumentNullException.ThrowIfNull(body);
        var service = Start(sender: false);

        var response = await service.Client("coordinator-1", Roles.Trials).PostAsync("/api/subscriptions",
            new StringContent(body.Replace("CALLBACK", Receiver.Url, StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, field);
    }

    [Fact]
    public async Task A_created_subscription_reads_back_without_its_secret_and_deactivating_it_cancels_what_it_had_pending()
    {
        var service = Start(sender: false);
        await OpenArmAsync(service, "Lung-MAP", "S1400B");
        var id = await SubscribeAsync(service, "Lung-MAP", "S1400B");
        await IngestAsync(service, SquamousPik3ca("MRN-DEL-1"));
        var coordinator = service.Client("coordinator-1", Roles.Trials);

        var one = await coordinator.GetStringAsync($"/api/subscriptions/{id}");
        var all = await coordinator.GetStringAsync("/api/subscriptions");
        var deleted = await coordinator.DeleteAsync($"/api/subscriptions/{id}");
        var after = JsonDocument.Parse(await coordinator.GetStringAsync($"/api/subscriptions/{id}")).RootElement;

        Assert.DoesNotContain(Secret, one, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, all, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", one, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("S1400B", JsonDocument.Parse(one).RootElement.GetProperty("armId").GetString());
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.False(after.GetProperty("active").GetBoolean());
        Assert.Equal("coordinator-1", after.GetProperty("deactivatedBy").GetString());
        var delivery = Assert.Single(await DeliveriesAsync(service, id));
        Assert.Equal("cancelled", delivery.GetProperty("state").GetString());
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM audit_events WHERE details::text LIKE '%" + Secret + "%'"));

        await IngestAsync(service, SquamousPik3ca("MRN-DEL-2"));
        Assert.Single(await DeliveriesAsync(service, id));
    }

    [Fact]
    public async Task Unknown_subscriptions_are_404_and_an_out_of_range_limit_is_400()
    {
        var service = Start(sender: false);
        var id = await SubscribeAsync(service, "Lung-MAP", null);
        var coordinator = service.Client("coordinator-1", Roles.Trials);

        await AssertProblemAsync(await coordinator.GetAsync($"/api/subscriptions/{Guid.NewGuid()}"), HttpStatusCode.NotFound, null);
        await AssertProblemAsync(await coordinator.DeleteAsync($"/api/subscriptions/{Guid.NewGuid()}"), HttpStatusCode.NotFound, null);
        await AssertProblemAsync(await coordinator.GetAsync($"/api/subscriptions/{Guid.NewGuid()}/deliveries"), HttpStatusCode.NotFound, null);
        await AssertProblemAsync(await coordinator.GetAsync($"/api/subscriptions/{id}/deliveries?limit=0"), HttpStatusCode.BadRequest, null);
        await AssertProblemAsync(await coordinator.GetAsync($"/api/subscriptions/{id}/deliveries?limit=501"), HttpStatusCode.BadRequest, null);
    }

    [Fact]
    public async Task A_board_member_may_not_subscribe()
    {
        var service = Start(sender: false);

        var response = await service.Client("dr-board", Roles.Board).PostAsJsonAsync("/api/subscriptions", new { trialId = "Lung-MAP", callbackUrl = Receiver.Url, secret = Secret });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM subscriptions"));
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is not null)
        {
            Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), text);
        }
    }
}
