using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using TumorBoard.Api.Tests.Infrastructure;

namespace TumorBoard.Api.Tests.Ingestion;

/// <summary>
/// How many times an ingestion waits for PostgreSQL (issue 12, session 5), counted from Npgsql's own spans under the
/// request's trace: a new patient's bundle is read in one round trip (locks, look-ups, trial state) and written in one
/// (every row), then committed; a returning patient adds the read of its stored state and the clearing of its latest flags.
/// </summary>
public sealed class IngestionRoundTripTests(TumorBoardApp app) : ApiTest(app), IDisposable
{
    private readonly ConcurrentQueue<Activity> _spans = new();
    private ActivityListener? _listener;

    [Fact]
    public async Task A_new_patients_bundle_is_read_in_one_round_trip_and_written_in_one()
    {
        Listen();

        var (status, commands) = await PostTracedAsync(Cases.SingleLungReport("MRN-TRIPS", "ACC-TRIPS-1"));

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.True(commands.Count == 2, Describe(commands));
        Assert.StartsWith("SELECT pg_advisory_xact_lock", Text(commands[0]), StringComparison.Ordinal);
        Assert.Contains("INSERT INTO \"patients\"", Text(commands[1]), StringComparison.Ordinal);
        Assert.Contains("INSERT INTO \"evaluations\"", Text(commands[1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_returning_patients_bundle_adds_only_the_read_of_its_state_and_the_clearing_of_its_latest_rows()
    {
        await IngestAsync(Cases.SingleLungReport("MRN-TRIPS-2", "ACC-TRIPS-2"));
        Listen();

        var (status, commands) = await PostTracedAsync(Cases.SingleLungReport("MRN-TRIPS-2", "ACC-TRIPS-3"));

        Assert.Equal(HttpStatusCode.Created, status);
        // The reads; the patient's state, one query per collection (EF's split query: patient, identifiers, conditions,
        // therapies, markers, disease statuses, reports with specimens, alterations); the DELETE of its latest trial rows
        // (narrow rows: no recommendation is rewritten); the write.
        Assert.True(commands.Count == 11, Describe(commands));
        Assert.StartsWith("SELECT pg_advisory_xact_lock", Text(commands[0]), StringComparison.Ordinal);
        Assert.StartsWith("DELETE FROM latest_trial_recommendations", Text(commands[^2]), StringComparison.Ordinal);
        Assert.DoesNotContain(commands, c => Text(c).Contains("UPDATE recommendations", StringComparison.Ordinal));
        // The new latest rows go in the one write batch with the rest (the batch writer's quoted INSERT, not SaveChanges).
        Assert.Contains("INSERT INTO \"latest_trial_recommendations\"", Text(commands[^1]), StringComparison.Ordinal);
    }

    public void Dispose() => _listener?.Dispose();

    private static string Describe(List<Activity> commands) => $"{commands.Count} round trips:{Environment.NewLine}"
        + string.Join(Environment.NewLine, commands.Select(Text));

    /// <summary>The statement text Npgsql records (a batch's statements one per line).</summary>
    private static string Text(Activity command) => command.GetTagItem("db.query.text") as string ?? command.GetTagItem("db.statement") as string ?? command.DisplayName;

    private void Listen()
    {
        _listener = new ActivityListener
        {
            // The request's span carries the trace id sent in traceparent to the database spans under it.
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    private async Task<(HttpStatusCode Status, List<Activity> Commands)> PostTracedAsync(string bundle)
    {
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/fhir/Bundle") { Content = FhirJson(bundle) };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        using var response = await Ingest.SendAsync(request);
        return (response.StatusCode, _spans.Where(s => s.TraceId == traceId && s.Source.Name == "Npgsql").OrderBy(s => s.StartTimeUtc).ToList());
    }
}
