using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Npgsql;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TumorBoard.Api.Tests.Faults;

/// <summary>
/// PostgreSQL goes away under load and comes back: 8 EHR clients post distinct bundles while the
/// database is stopped (fast, then immediate) and restarted. Nothing acknowledged is lost, nothing is
/// stored twice, every other answer is a 503 OperationOutcome with Retry-After, readiness recovers by
/// itself, and the refused bundles store when sent again. Bounded: two outages of a few seconds.
/// </summary>
public sealed class DatabaseOutageTests(OutageApp app, ITestOutputHelper output) : IClassFixture<OutageApp>
{
    private const int Clients = 8;
    private const int MaxBundlesPerClient = 150;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Downtime = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Given_clients_posting_through_two_database_outages_then_nothing_acknowledged_is_lost_and_the_refused_bundles_store_on_a_retry()
    {
        var ingest = app.CreateClient("ehr-integration", Roles.Ingest);
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
        var answers = new ConcurrentQueue<Answer>();
        using var finished = new CancellationTokenSource();
        var posting = Enumerable.Range(0, Clients).Select(c => Task.Run(() => PostUntilAsync(ingest, c, answers, finished.Token))).ToList();

        int Acknowledged() => answers.Count(a => a.Acknowledged);
        await UntilAsync(() => Acknowledged() >= Clients);
        var fast = await OutageAsync(anonymous, immediate: false);
        var afterFast = Acknowledged();
        await UntilAsync(() => Acknowledged() >= afterFast + Clients);
        var immediate = await OutageAsync(anonymous, immediate: true);
        var afterImmediate = Acknowledged();
        await UntilAsync(() => Acknowledged() >= afterImmediate + Clients);
        await finished.CancelAsync();
        await Task.WhenAll(posting);

        var all = answers.ToList();
        var acknowledged = all.Where(a => a.Acknowledged).ToList();
        var refused = all.Where(a => !a.Acknowledged).ToList();
        var storedBefore = await StoredAsync();
        var retried = new List<Answer>();
        foreach (var answer in refused)
        {
            retried.Add(await PostAsync(ingest, answer.Mrn, answer.Accession));
        }

        var stored = await StoredAsync();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Database outage test: {all.Count} requests from {Clients} clients, {acknowledged.Count} acknowledged (200/201), {refused.Count} refused " +
            $"({string.Join(", ", refused.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key} x {g.Count()}"))}); " +
            $"lost {acknowledged.Count(a => !stored.ContainsKey(a.Mrn))}; /health/ready 200 again {fast.Recovery.TotalSeconds:F1} s after the fast restart " +
            $"and {immediate.Recovery.TotalSeconds:F1} s after the immediate one (503 while down: {fast.NotReadyWhileDown && immediate.NotReadyWhileDown}); " +
            $"{retried.Count(a => a.Acknowledged)} of {refused.Count} refused bundles stored on a second post."));

        Assert.DoesNotContain(all.Concat(retried), a => a.Status == 500);
        Assert.All(refused, a => Assert.True(a.Status == 503 ? a.HasRetryAfter && a.IsOperationOutcome : a.Status is >= 400 and not 500 && a.IsOperationOutcome, a.ToString()));
        Assert.Contains(refused, a => a.Status == 503);
        Assert.All(acknowledged, a => Assert.Equal((1, 1, 1), storedBefore.GetValueOrDefault(a.Mrn)));
        Assert.True(fast.NotReadyWhileDown && immediate.NotReadyWhileDown, "/health/ready did not report the database down.");
        Assert.True(fast.ReadWas503ProblemDetails && immediate.ReadWas503ProblemDetails, "An /api read while the database was down was not a 503 ProblemDetails with Retry-After.");
        Assert.True(fast.Recovery <= RecoveryLimit, $"ready {fast.Recovery} after the fast restart");
        Assert.True(immediate.Recovery <= RecoveryLimit, $"ready {immediate.Recovery} after the immediate restart");
        Assert.All(retried, a => Assert.True(a.Acknowledged, a.ToString()));
        Assert.All(all, a => Assert.Equal((1, 1, 1), stored.GetValueOrDefault(a.Mrn)));
        Assert.Equal(all.Count, stored.Count);
    }

    private static async Task PostUntilAsync(HttpClient client, int clientNumber, ConcurrentQueue<Answer> answers, CancellationToken finished)
    {
        for (var i = 0; i < MaxBundlesPerClient && !finished.IsCancellationRequested; i++)
        {
            answers.Enqueue(await PostAsync(client, $"MRN-OUTAGE-{clientNumber}-{i}", $"ACC-OUTAGE-{clientNumber}-{i}"));
            await Task.Delay(Pause, CancellationToken.None);
        }
    }

    private static async Task<Answer> PostAsync(HttpClient client, string mrn, string accession)
    {
        using var response = await client.PostAsync("/fhir/Bundle",
            new StringContent(Cases.SingleLungReport(mrn, accession), Encoding.UTF8, "application/fhir+json"));
        var body = await response.Content.ReadAsStringAsync();
        return new Answer(mrn, accession, (int)response.StatusCode,
            response.Headers.RetryAfter is not null,
            response.Content.Headers.ContentType?.MediaType == "application/fhir+json" && body.Contains("\"OperationOutcome\"", StringComparison.Ordinal));
    }

    /// <summary>Stops PostgreSQL, keeps it down while the clients post, starts it again and times readiness.</summary>
    private async Task<Outage> OutageAsync(HttpClient anonymous, bool immediate)
    {
        app.Cluster.Stop(immediate);
        var down = Stopwatch.StartNew();
        var notReady = (await anonymous.GetAsync("/health/ready")).StatusCode == HttpStatusCode.ServiceUnavailable;
        using var read = await app.CreateClient("dr-board", Roles.Board).GetAsync($"/api/patients?identifier=urn:test:mrn|MRN-OUTAGE-0-0");
        var readProblem = read.StatusCode == HttpStatusCode.ServiceUnavailable && read.Headers.RetryAfter is not null
            && read.Content.Headers.ContentType?.MediaType == "application/problem+json";
        var remaining = Downtime - down.Elapsed;
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining);
        }

        app.Cluster.Restart();
        var back = Stopwatch.StartNew();
        while ((await anonymous.GetAsync("/health/ready")).StatusCode != HttpStatusCode.OK && back.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        return new Outage(back.Elapsed, notReady, readProblem);
    }

    /// <summary>Per MRN: (patients, bundles, reports) stored for it.</summary>
    private async Task<Dictionary<string, (long Patients, long Bundles, long Reports)>> StoredAsync()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT i.value, count(DISTINCT i.patient_id), " +
            "(SELECT count(*) FROM ingested_bundles b WHERE b.patient_id = min(i.patient_id::text)::uuid), " +
            "(SELECT count(*) FROM reports r WHERE r.patient_id = min(i.patient_id::text)::uuid) " +
            "FROM patient_identifiers i WHERE i.value LIKE 'MRN-OUTAGE-%' GROUP BY i.value", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var stored = new Dictionary<string, (long, long, long)>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            stored[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        }

        return stored;
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!condition() && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(50);
        }
    }

    private sealed record Answer(string Mrn, string Accession, int Status, bool HasRetryAfter, bool IsOperationOutcome)
    {
        public bool Acknowledged => Status is 200 or 201;
    }

    private sealed record Outage(TimeSpan Recovery, bool NotReadyWhileDown, bool ReadWas503ProblemDetails);
}
