using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.Tests.Scaling;
using TumorBoard.TestSupport;
using TumorBoard.TestSupport.Fhir;

namespace TumorBoard.Api.Tests.Subscriptions;

/// <summary>
/// Service instances with the sender on and short, configurable backoff (no test waits on a wall-clock figure:
/// each waits for a state, with a generous bound), a receiver on 127.0.0.1 and a fresh database per test.
/// </summary>
public abstract class SubscriptionTestBase(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    protected const string Secret = "s3cret-shared-with-the-trials-office";
    protected static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly List<ServiceInstance> _instances = [];

    protected DatabaseFixture Database { get; } = database;

    protected WebhookReceiver Receiver { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.ResetAsync();
        Receiver = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        await Receiver.DisposeAsync();
    }

    protected ServiceInstance Start(int maxAttempts = 6, bool sender = true)
    {
        var instance = new ServiceInstance(Database.ConnectionString, new Dictionary<string, string>
        {
            ["Rematch:Enabled"] = "false",
            ["Subscriptions:SenderEnabled"] = sender ? "true" : "false",
            ["Subscriptions:AllowedCallbackHosts:0"] = "127.0.0.1",
            ["Subscriptions:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Subscriptions:BaseDelay"] = "00:00:00.020",
            ["Subscriptions:MaxDelay"] = "00:00:00.100",
            ["Subscriptions:PollInterval"] = "00:00:00.020",
        });
        _instances.Add(instance);
        return instance;
    }

    protected async Task StopAsync(ServiceInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        _instances.Remove(instance);
        await instance.DisposeAsync();
    }

    protected static async Task OpenArmAsync(ServiceInstance instance, string trialId, string armId)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var response = await instance.Client("coordinator-1", Roles.Trials).PatchAsJsonAsync($"/api/trials/{trialId}/arms/{armId}", new { status = "open" });
        response.EnsureSuccessStatusCode();
    }

    protected async Task<Guid> SubscribeAsync(ServiceInstance instance, string trialId, string? armId)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var response = await instance.Client("coordinator-1", Roles.Trials).PostAsJsonAsync("/api/subscriptions", new { trialId, armId, callbackUrl = Receiver.Url, secret = Secret });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("subscriptionId").GetGuid();
    }

    protected static async Task<Guid> IngestAsync(ServiceInstance instance, string bundle)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var response = await instance.Client("ehr", Roles.Ingest).PostAsync("/fhir/Bundle", new StringContent(bundle, System.Text.Encoding.UTF8, "application/fhir+json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("patientId").GetGuid();
    }

    /// <summary>The subscription's deliveries, oldest first (the route answers newest first).</summary>
    protected static async Task<List<JsonElement>> DeliveriesAsync(ServiceInstance instance, Guid subscriptionId)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var page = await instance.Client("coordinator-1", Roles.Trials).GetFromJsonAsync<List<JsonElement>>($"/api/subscriptions/{subscriptionId}/deliveries", Json);
        page!.Reverse();
        return page;
    }

    /// <summary>Waits until every delivery of the subscription has left <c>pending</c> (at least <paramref name="count"/> of them).</summary>
    protected static async Task<List<JsonElement>> SettledAsync(ServiceInstance instance, Guid subscriptionId, int count)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            var deliveries = await DeliveriesAsync(instance, subscriptionId);
            if (deliveries.Count >= count && deliveries.All(d => d.GetProperty("state").GetString() != "pending"))
            {
                return deliveries;
            }

            Assert.False(bound.IsCancellationRequested, $"Deliveries did not settle: {JsonSerializer.Serialize(deliveries)}");
            await Task.Delay(50);
        }
    }

    protected async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Squamous NSCLC with PIK3CA E545K after platinum: listed on Lung-MAP S1400B.</summary>
    protected static string SquamousPik3ca(string mrn) =>
        Infrastructure.Cases.Patient(mrn, "LUSC", "Lung Squamous Cell Carcinoma", TestSite.Lung)
            .Therapy("carboplatin", Infrastructure.Cases.Diagnosis.AddMonths(1), Infrastructure.Cases.Diagnosis.AddMonths(5))
            .Report(new TestReport($"ACC-{mrn}", TestSite.Lung, Infrastructure.Cases.Diagnosis, [new TestVariant("PIK3CA", "p.Glu545Lys", null, 0.25m)]))
            .ToJson();
}
