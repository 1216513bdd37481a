using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TumorBoard.Api.Features.Rematch;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.Tests.Infrastructure;
using TumorBoard.TestSupport;
using TumorBoard.TestSupport.Fhir;

namespace TumorBoard.Api.Tests.Scaling;

/// <summary>
/// Two replicas of the service against one PostgreSQL: what must hold when a load balancer spreads
/// requests over them and both run the background re-match worker.
/// </summary>
public sealed class TwoInstanceTests : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly Dictionary<string, string> Explicit = new() { ["Rematch:Enabled"] = "false" };
    private readonly DatabaseFixture _database;
    private readonly List<ServiceInstance> _instances = [];

    public TwoInstanceTests(DatabaseFixture database) => _database = database;

    public Task InitializeAsync() => _database.ResetAsync();

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }
    }

    [Fact]
    public async Task Twenty_concurrent_copies_of_one_bundle_split_across_two_instances_store_one_report()
    {
        var (a, b) = (Start(Explicit), Start(Explicit));
        var bundle = Cases.SingleLungReport("MRN-TWO-1", "ACC-TWO-1");
        var clients = new[] { a.Client("ehr-a", Roles.Ingest), b.Client("ehr-b", Roles.Ingest) };

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            clients[i % 2].PostAsync("/fhir/Bundle", new StringContent(bundle, Encoding.UTF8, "application/fhir+json"))));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.StatusCode.ToString()));
        var patientIds = new HashSet<Guid>();
        foreach (var response in responses)
        {
            patientIds.Add((await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("patientId").GetGuid());
        }

        Assert.Single(patientIds);
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM reports"));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM patients"));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM alterations"));
    }

    [Fact]
    public async Task A_rematch_requested_on_one_instance_runs_once_across_both_and_evaluates_each_patient_once()
    {
        var eager = new Dictionary<string, string> { ["Rematch:Interval"] = "00:00:00.200", ["Rematch:BatchSize"] = "2" };
        var (a, b) = (Start(eager), Start(eager));
        var patients = await IngestPatientsAsync(a, 7);

        var jobId = await ChangeArmStatusAsync(a);
        var job = await WaitForJobAsync(b, jobId);

        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(patients.Count, job.GetProperty("patientsDone").GetInt32());
        Assert.Equal(patients.Count, job.GetProperty("patientsTotal").GetInt32());
        Assert.Equal(4, job.GetProperty("batchesDone").GetInt32());
        Assert.Single(Events(job), e => e is "job-started" or "job-resumed");
        Assert.Equal(["job-requested", "job-started", "job-completed"], Events(job));
        Assert.Equal(patients.Count, await CountAsync("SELECT count(*) FROM evaluations WHERE trigger = 'rematch'"));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM (SELECT patient_id FROM evaluations WHERE trigger = 'rematch' GROUP BY patient_id HAVING count(*) > 1) twice"));
        Assert.Contains(job.GetProperty("owner").GetString(), new[] { a.Services.GetRequiredService<Rematcher>().Owner, b.Services.GetRequiredService<Rematcher>().Owner });
    }

    [Fact]
    public async Task When_the_instance_running_a_rematch_dies_mid_run_the_other_resumes_it_and_no_patient_is_evaluated_twice()
    {
        var (a, b) = (Start(Explicit), Start(Explicit));
        var patients = await IngestPatientsAsync(a, 6);
        var jobId = await ChangeArmStatusAsync(a);

        // Instance A stops (its host shuts down) right after its first batch of two has committed.
        using var dying = new CancellationTokenSource();
        var firstBatch = new InlineProgress(p =>
        {
            if (p.Batches == 1)
            {
                dying.Cancel();
            }
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => a.Services.GetRequiredService<Rematcher>().RunAsync(2, firstBatch, dying.Token));
        var deadOwner = a.Services.GetRequiredService<Rematcher>().Owner;
        await a.DisposeAsync();
        _instances.Remove(a);

        var orphaned = await GetJobAsync(b, jobId);
        Assert.Equal("running", orphaned.GetProperty("status").GetString());
        Assert.Equal(deadOwner, orphaned.GetProperty("owner").GetString());
        Assert.Equal(2, orphaned.GetProperty("patientsDone").GetInt32());

        var run = await b.Services.GetRequiredService<Rematcher>().RunAsync(2, CancellationToken.None);

        var job = await GetJobAsync(b, jobId);
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(b.Services.GetRequiredService<Rematcher>().Owner, job.GetProperty("owner").GetString());
        Assert.Equal(2, job.GetProperty("attempts").GetInt32());
        Assert.Equal(["job-requested", "job-started", "job-resumed", "job-completed"], Events(job));
        Assert.Equal(patients.Count - 2, run.Patients);
        Assert.Equal(patients.Count, job.GetProperty("patientsDone").GetInt32());
        Assert.Equal(patients.Count, await CountAsync("SELECT count(DISTINCT patient_id) FROM evaluations WHERE trigger = 'rematch'"));
        Assert.Equal(patients.Count, await CountAsync("SELECT count(*) FROM evaluations WHERE trigger = 'rematch'"));
    }

    [Fact]
    public async Task An_arm_opened_on_one_instance_reads_open_on_the_other_at_once_and_wakes_its_rematch_worker_through_notify()
    {
        // A serves requests only; B runs the worker but would not look on its own for an hour.
        var (a, b) = (Start(Explicit), Start(new Dictionary<string, string> { ["Rematch:Interval"] = "01:00:00" }));
        var patients = await IngestPatientsAsync(a, 2);
        var coordinatorB = b.Client("coordinator-b", Roles.Trials);

        var jobId = await ChangeArmStatusAsync(a, "open");

        var trial = await coordinatorB.GetFromJsonAsync<JsonElement>("/api/trials/Lung-MAP", Json);
        var arm = trial.GetProperty("arms").EnumerateArray().Single(x => x.GetProperty("armId").GetString() == "S1400B");
        Assert.Equal("open", arm.GetProperty("status").GetString());
        var job = await WaitForJobAsync(a, jobId);
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(b.Services.GetRequiredService<Rematcher>().Owner, job.GetProperty("owner").GetString());
        Assert.Equal(patients.Count, job.GetProperty("patientsDone").GetInt32());
        var kbA = await a.Client("c", Roles.Trials).GetFromJsonAsync<JsonElement>("/api/knowledge-base", Json);
        var kbB = await coordinatorB.GetFromJsonAsync<JsonElement>("/api/knowledge-base", Json);
        Assert.Equal(kbA.GetProperty("hash").GetString(), kbB.GetProperty("hash").GetString());
        Assert.Equal(kbA.GetProperty("trialsHash").GetString(), kbB.GetProperty("trialsHash").GetString());
    }

    private ServiceInstance Start(IReadOnlyDictionary<string, string> settings)
    {
        var instance = new ServiceInstance(_database.ConnectionString, settings);
        _ = instance.Server; // start it now, as a pod would be
        _instances.Add(instance);
        return instance;
    }

    private static async Task<List<Guid>> IngestPatientsAsync(ServiceInstance instance, int count)
    {
        var ingest = instance.Client("ehr", Roles.Ingest);
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var response = await ingest.PostAsync("/fhir/Bundle", new StringContent(SquamousPik3ca(i), Encoding.UTF8, "application/fhir+json"));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("patientId").GetGuid());
        }

        return ids;
    }

    /// <summary>Squamous NSCLC with PIK3CA E545K (Lung-MAP S1400B), one distinct patient and accession per number.</summary>
    private static string SquamousPik3ca(int number) =>
        Cases.Patient($"MRN-SCALE-{number}", "LUSC", "Lung Squamous Cell Carcinoma", TestSite.Lung)
            .Report(new TestReport($"ACC-SCALE-{number}", TestSite.Lung, Cases.Diagnosis, [new TestVariant("PIK3CA", "p.Glu545Lys", null, 0.25m)]))
            .ToJson();

    /// <summary>Changes the Lung-MAP S1400B arm's status (its listed patients, every patient here, are re-matched) and returns the queued job.</summary>
    private static async Task<Guid> ChangeArmStatusAsync(ServiceInstance instance, string status = "open")
    {
        var coordinator = instance.Client("coordinator-a", Roles.Trials);
        var patch = await coordinator.PatchAsJsonAsync("/api/trials/Lung-MAP/arms/S1400B", new { status });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        var jobs = await coordinator.GetFromJsonAsync<JsonElement>("/api/jobs?limit=1", Json);
        var job = Assert.Single(jobs.EnumerateArray());
        Assert.Equal("arm-status", job.GetProperty("reason").GetString());
        return job.GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> GetJobAsync(ServiceInstance instance, Guid jobId) =>
        await instance.Client("coordinator", Roles.Trials).GetFromJsonAsync<JsonElement>($"/api/jobs/{jobId}", Json);

    /// <summary>Polls until the job has finished (bounded: 60 s, then the last state is returned for the asserts to report).</summary>
    private static async Task<JsonElement> WaitForJobAsync(ServiceInstance instance, Guid jobId)
    {
        var job = await GetJobAsync(instance, jobId);
        for (var i = 0; i < 600 && job.GetProperty("status").GetString() is "queued" or "running"; i++)
        {
            await Task.Delay(100);
            job = await GetJobAsync(instance, jobId);
        }

        return job;
    }

    private static List<string> Events(JsonElement job) =>
        job.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()!).ToList();

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Reports synchronously on the reporting thread (Progress&lt;T&gt; would post to the thread pool, too late to stop the next batch).</summary>
    private sealed class InlineProgress(Action<RematchProgress> report) : IProgress<RematchProgress>
    {
        public void Report(RematchProgress value) => report(value);
    }
}
