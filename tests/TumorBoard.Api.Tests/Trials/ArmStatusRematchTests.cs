using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.Features.Rematch;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.Tests.Infrastructure;
using TumorBoard.Persistence;
using TumorBoard.TestSupport.Fhir;

namespace TumorBoard.Api.Tests.Trials;

/// <summary>
/// An arm status change re-matches only the patients listed on the arm, and only their trial part: the therapy findings
/// are carried over from the latest evaluation without running the rules engine (ADR 0003, issue 16).
/// </summary>
public sealed class ArmStatusRematchTests(TumorBoardApp app) : ApiTest(app)
{
    private HttpClient Coordinator => App.CreateClient("coordinator-1", Roles.Trials);

    [Fact]
    public async Task An_arm_status_change_re_matches_exactly_the_patients_listed_on_the_arm_and_leaves_every_other_evaluation_untouched()
    {
        var patients = new List<Guid>();
        foreach (var mrn in new[] { "MRN-ARM-1", "MRN-ARM-2", "MRN-ARM-3" })
        {
            patients.Add((await IngestAsync(SquamousPik3ca(mrn))).PatientId);
        }

        patients.Add((await IngestAsync(Cases.LungT790MAfterErlotinib())).PatientId);
        patients.Add((await IngestAsync(Cases.BreastEsr1UnderLetrozole())).PatientId);
        var listed = await ListedOnS1400BAsync();
        var latestBefore = await LatestEvaluationsAsync();
        Assert.Equal(3, listed.Count);
        Assert.Equal(5, latestBefore.Count);

        var patch = await Coordinator.PatchAsJsonAsync("/api/trials/Lung-MAP/arms/S1400B", new { status = "open", reason = "Re-opened for accrual." });
        var run = await App.Services.GetRequiredService<Rematcher>().RunAsync(batchSize: 2, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal(listed.Count, run.Patients);
        Assert.Equal(2, run.Batches);
        var latestAfter = await LatestEvaluationsAsync();
        foreach (var patient in patients)
        {
            Assert.Equal(!listed.Contains(patient), latestBefore[patient] == latestAfter[patient]);
        }

        Assert.Equal(0, await App.CountAsync("latest_trial_recommendations WHERE trial_id = 'Lung-MAP' AND arm_id = 'S1400B' AND arm_status <> 'open'"));
        Assert.Equal(0, await App.CountAsync(Db.LatestRowsDrift));
        var again = await App.Services.GetRequiredService<Rematcher>().RunAsync(batchSize: 2, CancellationToken.None);
        Assert.Equal(0, again.Patients);
    }

    [Fact]
    public async Task The_re_matched_evaluation_carries_the_therapy_findings_over_unchanged_and_its_trial_part_is_what_a_full_evaluation_finds()
    {
        // The T790M case: therapy findings at several levels, and arms whose criteria read them (no targetable alteration).
        var ingested = await IngestAsync(Cases.LungT790MAfterErlotinib());
        var before = await GetAsync<JsonElement>(Board, $"/api/evaluations/{ingested.EvaluationId}");
        var arm = before.GetProperty("trials").EnumerateArray().First(t => t.GetProperty("status").GetString() is "eligible" or "potential");
        var (trialId, armId) = (arm.GetProperty("trialId").GetString(), arm.GetProperty("armId").GetString());
        var status = arm.GetProperty("armStatus").GetString() == "open" ? "suspended" : "open";

        await Coordinator.PatchAsJsonAsync($"/api/trials/{trialId}/arms/{armId}", new { status });
        var run = await App.Services.GetRequiredService<Rematcher>().RunAsync(batchSize: 10, CancellationToken.None);

        Assert.Equal(1, run.Patients);
        var carried = await GetAsync<JsonElement>(Board, $"/api/patients/{ingested.PatientId}/recommendations");
        Assert.Equal(ingested.EvaluationId, carried.GetProperty("previousEvaluationId").GetGuid());
        // Not recomputed: the evaluation names the one whose rules-engine run it carries, and the findings are that run's.
        Assert.Equal(ingested.EvaluationId, carried.GetProperty("therapiesFromEvaluationId").GetGuid());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("therapiesFromEvaluationId").ValueKind);
        Assert.NotEmpty(carried.GetProperty("therapies").EnumerateArray());
        Assert.Equal(Findings(before, "therapies"), Findings(carried, "therapies"));
        foreach (var part in new[] { "conflicts", "civicFindings", "molecularProgression", "warnings", "knowledgeBase", "civicLayer" })
        {
            Assert.Equal(before.GetProperty(part).GetRawText(), carried.GetProperty(part).GetRawText());
        }

        var changed = carried.GetProperty("trials").EnumerateArray().Single(t => t.GetProperty("trialId").GetString() == trialId && t.GetProperty("armId").GetString() == armId);
        Assert.Equal(status, changed.GetProperty("armStatusAtEvaluation").GetString());

        // The same patient evaluated in full (rules engine and all) finds exactly what the carried evaluation holds.
        var requested = await Board.PostAsync($"/api/patients/{ingested.PatientId}/evaluations", null);
        var full = await ReadJsonAsync(requested);
        Assert.Equal(HttpStatusCode.Created, requested.StatusCode);
        Assert.Equal(JsonValueKind.Null, full.GetProperty("therapiesFromEvaluationId").ValueKind);
        Assert.Equal(Findings(full, "therapies"), Findings(carried, "therapies"));
        Assert.Equal(Findings(full, "trials"), Findings(carried, "trials"));
    }

    [Fact]
    public async Task The_pending_evaluation_of_a_signed_off_patient_names_the_arm_change_as_its_cause_with_who_and_why()
    {
        var ingested = await IngestAsync(SquamousPik3ca("MRN-ARM-CAUSE"));
        var signOff = await Board.PostAsJsonAsync($"/api/evaluations/{ingested.EvaluationId}/sign-off", new { comment = "MTB", acceptUnreviewed = true });
        Assert.Equal(HttpStatusCode.Created, signOff.StatusCode);

        await Coordinator.PatchAsJsonAsync("/api/trials/Lung-MAP/arms/S1400B", new { status = "open", reason = "Re-opened for accrual." });
        await App.Services.GetRequiredService<Rematcher>().RunAsync(batchSize: 10, CancellationToken.None);

        var view = await GetAsync<JsonElement>(Board, $"/api/patients/{ingested.PatientId}/recommendations");
        Assert.Equal(ingested.EvaluationId, view.GetProperty("signedOffEvaluationId").GetGuid());
        Assert.NotEqual(ingested.EvaluationId, view.GetProperty("pendingEvaluationId").GetGuid());
        var changes = view.GetProperty("changesSinceSignOff");
        Assert.Equal(0, changes.GetProperty("therapies").GetProperty("changed").GetArrayLength());
        Assert.Equal(0, changes.GetProperty("therapies").GetProperty("added").GetArrayLength());
        Assert.Equal(0, changes.GetProperty("therapies").GetProperty("removed").GetArrayLength());
        var cause = Assert.Single(changes.GetProperty("causes").EnumerateArray());
        var armChange = Assert.Single(cause.GetProperty("armStatusChanges").EnumerateArray());
        Assert.Equal("S1400B", armChange.GetProperty("armId").GetString());
        Assert.Equal("open", armChange.GetProperty("to").GetString());
        Assert.Equal("coordinator-1", armChange.GetProperty("changedBy").GetString());
        Assert.Equal("Re-opened for accrual.", armChange.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, cause.GetProperty("knowledgeBase").ValueKind);
    }

    [Fact]
    public async Task An_arm_whose_requested_re_match_is_still_queued_is_not_taken_for_a_lost_job_so_no_second_job_empties_the_requested_one()
    {
        await IngestAsync(SquamousPik3ca("MRN-ARM-QUEUED"));
        var patch = await Coordinator.PatchAsJsonAsync("/api/trials/Lung-MAP/arms/S1400B", new { status = "open", reason = "Re-opened for accrual." });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);

        // The worker's periodic pass asks this right after finding no job to claim; the requested job is queued.
        Assert.Null(await FirstStaleArmAsync());

        // Once that job is gone (failed here), the arm's listed patient still records "closed": that is a lost job.
        await using (var connection = new NpgsqlConnection(App.ConnectionString))
        {
            await connection.OpenAsync();
            await using var fail = new NpgsqlCommand("UPDATE jobs SET status = 'failed' WHERE reason = 'arm-status'", connection);
            Assert.Equal(1, await fail.ExecuteNonQueryAsync());
        }

        Assert.Equal(("Lung-MAP", "S1400B"), await FirstStaleArmAsync());
    }

    /// <summary>A list's findings as JSON, without what is per evaluation (recommendation ids, reviews).</summary>
    private static List<string> Findings(JsonElement evaluation, string list) =>
        evaluation.GetProperty(list).EnumerateArray().Select(finding =>
        {
            var node = JsonNode.Parse(finding.GetRawText())!.AsObject();
            node.Remove("recommendationId");
            node.Remove("review");
            return node.ToJsonString();
        }).ToList();

    private async Task<(string TrialId, string ArmId)?> FirstStaleArmAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TumorBoardDbContext>();
        return await ArmRematchScope.FirstStaleArmAsync(db, App.Services.GetRequiredService<Knowledge>(), CancellationToken.None);
    }

    private async Task<HashSet<Guid>> ListedOnS1400BAsync()
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT DISTINCT patient_id FROM latest_trial_recommendations WHERE trial_id = 'Lung-MAP' AND arm_id = 'S1400B' AND status IN ('eligible', 'potential')", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new HashSet<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private async Task<Dictionary<Guid, Guid>> LatestEvaluationsAsync()
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id, latest_evaluation_id FROM patients", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var latest = new Dictionary<Guid, Guid>();
        while (await reader.ReadAsync())
        {
            latest[reader.GetGuid(0)] = reader.GetGuid(1);
        }

        return latest;
    }

    private static string SquamousPik3ca(string mrn) =>
        Cases.Patient(mrn, "LUSC", "Lung Squamous Cell Carcinoma", TestSite.Lung)
            .Therapy("carboplatin", Cases.Diagnosis.AddMonths(1), Cases.Diagnosis.AddMonths(5))
            .Report(new TestReport($"ACC-{mrn}", TestSite.Lung, Cases.Diagnosis, [new TestVariant("PIK3CA", "p.Glu545Lys", null, 0.25m)]))
            .ToJson();
}
