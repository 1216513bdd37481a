using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.Extensions.DependencyInjection;
using TumorBoard.Api.Features.Rematch;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.Tests.Infrastructure;

namespace TumorBoard.Api.Tests.Workflow;

/// <summary>A board's sign-off stays the patient's record through re-matches until the board signs a newer evaluation.</summary>
public sealed class SignedOffRecordTests(TumorBoardApp app) : ApiTest(app)
{
    private HttpClient Coordinator => App.CreateClient("coordinator-1", Roles.Trials);

    [Fact]
    public async System.Threading.Tasks.Task Given_a_signed_off_case_when_an_arm_changes_status_and_patients_are_rematched_then_the_final_export_is_still_the_signed_off_evaluation()
    {
        var (patientId, signedOffId, arm) = await SignedOffT790MCaseAsync();
        var finalBefore = await ExportAsync(patientId);

        await ChangeArmAndRematchAsync(arm, "Accrual paused by the sponsor.");

        var finalAfter = await ExportAsync(patientId);
        Assert.Equal(finalBefore.Report.Status, finalAfter.Report.Status);
        Assert.Equal(DiagnosticReport.DiagnosticReportStatus.Final, finalAfter.Report.Status);
        Assert.Equal(ReportIdentifier(finalBefore.Report), ReportIdentifier(finalAfter.Report));
        Assert.Contains(signedOffId.ToString(), ReportIdentifier(finalAfter.Report), StringComparison.Ordinal);

        var pending = await ExportAsync(patientId, "?evaluation=latest");
        Assert.Equal(DiagnosticReport.DiagnosticReportStatus.Preliminary, pending.Report.Status);
        Assert.DoesNotContain(signedOffId.ToString(), ReportIdentifier(pending.Report), StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task Given_a_rematch_after_sign_off_then_the_recommendations_show_the_signed_off_record_the_pending_evaluation_the_difference_and_its_cause()
    {
        var (patientId, signedOffId, arm) = await SignedOffT790MCaseAsync();

        var newStatus = await ChangeArmAndRematchAsync(arm, "Accrual paused by the sponsor.");

        var view = await GetAsync<JsonElement>(Board, $"/api/patients/{patientId}/recommendations");
        var pendingId = view.GetProperty("evaluationId").GetGuid();
        Assert.NotEqual(signedOffId, pendingId);
        Assert.Equal(signedOffId, view.GetProperty("signedOffEvaluationId").GetGuid());
        Assert.Equal(pendingId, view.GetProperty("pendingEvaluationId").GetGuid());
        Assert.Equal("dr-board", view.GetProperty("signedOffRecord").GetProperty("signedOffBy").GetString());
        Assert.Equal("rematch", view.GetProperty("pendingReview").GetProperty("trigger").GetString());

        var changes = view.GetProperty("changesSinceSignOff");
        Assert.Equal(0, changes.GetProperty("therapies").GetProperty("changed").GetArrayLength());
        Assert.Equal(0, changes.GetProperty("therapies").GetProperty("added").GetArrayLength());
        var changedArm = Assert.Single(changes.GetProperty("trials").GetProperty("changed").EnumerateArray());
        Assert.Equal($"{arm.TrialId}/{arm.ArmId}", changedArm.GetProperty("key").GetString());
        var field = Assert.Single(changedArm.GetProperty("fields").EnumerateArray());
        Assert.Equal("armStatus", field.GetProperty("field").GetString());
        Assert.Equal(arm.Status, field.GetProperty("from").GetString());
        Assert.Equal(newStatus, field.GetProperty("to").GetString());

        var cause = Assert.Single(changes.GetProperty("causes").EnumerateArray());
        Assert.Equal("rematch", cause.GetProperty("trigger").GetString());
        var armChange = Assert.Single(cause.GetProperty("armStatusChanges").EnumerateArray());
        Assert.Equal("coordinator-1", armChange.GetProperty("changedBy").GetString());
        Assert.Equal("Accrual paused by the sponsor.", armChange.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, cause.GetProperty("knowledgeBase").ValueKind);

        var signedOff = await GetAsync<JsonElement>(Board, $"/api/patients/{patientId}/recommendations?evaluation=signedOff");
        Assert.Equal(signedOffId, signedOff.GetProperty("evaluationId").GetGuid());
        var history = await GetAsync<JsonElement>(Board, $"/api/patients/{patientId}/evaluations");
        Assert.Equal(["pending", "signedOff"], history.EnumerateArray().Select(e => e.GetProperty("state").GetString()).ToList());
    }

    [Fact]
    public async System.Threading.Tasks.Task Reviews_of_unchanged_recommendations_are_carried_over_only_when_asked_and_name_the_review_they_copy()
    {
        var (patientId, signedOffId, arm) = await SignedOffT790MCaseAsync();
        await ChangeArmAndRematchAsync(arm, null);
        var view = await GetAsync<JsonElement>(Board, $"/api/patients/{patientId}/recommendations");
        var pendingId = view.GetProperty("evaluationId").GetGuid();
        Assert.All(Therapies.Of(view), t => Assert.Equal("pending", t.GetProperty("review").GetProperty("status").GetString()));

        var response = await Board.PostAsJsonAsync($"/api/evaluations/{pendingId}/reviews/carry-over", new { });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var result = await ReadJsonAsync(response);
        Assert.Equal(signedOffId, result.GetProperty("fromEvaluationId").GetGuid());
        var carried = Assert.Single(result.GetProperty("carried").EnumerateArray());
        Assert.Equal("accepted", carried.GetProperty("decision").GetString());
        Assert.NotEqual(JsonValueKind.Null, carried.GetProperty("carriedOverFromReviewId").ValueKind);
        Assert.Contains(result.GetProperty("skipped").EnumerateArray(), s => s.GetProperty("key").GetString() == $"{arm.TrialId}/{arm.ArmId}" && s.GetProperty("reason").GetString() == "changed");
        var after = await GetAsync<JsonElement>(Board, $"/api/evaluations/{pendingId}");
        var osimertinib = Therapies.For(after, "osimertinib").Single(t => t.GetProperty("review").GetProperty("status").GetString() != "pending");
        Assert.Equal("accepted", osimertinib.GetProperty("review").GetProperty("status").GetString());
    }

    [Fact]
    public async System.Threading.Tasks.Task Sign_off_with_unreviewed_recommendations_needs_the_explicit_flag_which_is_recorded()
    {
        var ingested = await IngestAsync(Cases.LungT790MAfterErlotinib());
        var evaluationId = ingested.EvaluationId!.Value;

        var refused = await Board.PostAsJsonAsync($"/api/evaluations/{evaluationId}/sign-off", new { comment = "MTB" });
        var accepted = await Board.PostAsJsonAsync($"/api/evaluations/{evaluationId}/sign-off", new { comment = "MTB", acceptUnreviewed = true });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await ReadJsonAsync(refused);
        Assert.NotEmpty(problem.GetProperty("unreviewedRecommendationIds").EnumerateArray());
        Assert.Contains("acceptUnreviewed", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var evaluation = await GetAsync<JsonElement>(Board, $"/api/evaluations/{evaluationId}");
        Assert.True(evaluation.GetProperty("signOff").GetProperty("acceptedUnreviewed").GetBoolean());
        Assert.Equal(problem.GetProperty("unreviewedRecommendationIds").GetArrayLength(),
            evaluation.GetProperty("signOff").GetProperty("unreviewedRecommendationIds").GetArrayLength());
        var audit = await GetAsync<JsonElement>(Board, $"/api/patients/{ingested.PatientId}/audit");
        var signOff = audit.EnumerateArray().Single(a => a.GetProperty("action").GetString() == "sign-off");
        Assert.True(signOff.GetProperty("details").GetProperty("acceptedUnreviewed").GetBoolean());
    }

    [Fact]
    public async System.Threading.Tasks.Task A_second_sign_off_is_a_409_naming_who_signed_off_and_when()
    {
        var ingested = await IngestAsync(Cases.LungT790MAfterErlotinib());
        var evaluationId = ingested.EvaluationId!.Value;
        var first = await Board.PostAsJsonAsync($"/api/evaluations/{evaluationId}/sign-off", new { comment = "MTB", acceptUnreviewed = true });
        var signedOffAt = (await ReadJsonAsync(first)).GetProperty("at").GetDateTimeOffset();

        var second = await App.CreateClient("dr-other", Roles.Board).PostAsJsonAsync($"/api/evaluations/{evaluationId}/sign-off", new { comment = "again", acceptUnreviewed = true });

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await ReadJsonAsync(second);
        var title = problem.GetProperty("title").GetString()!;
        Assert.Contains("dr-board", title, StringComparison.Ordinal);
        Assert.Contains(signedOffAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), title, StringComparison.Ordinal);
        Assert.Equal("dr-board", problem.GetProperty("signedOffBy").GetString());
    }

    [Fact]
    public async System.Threading.Tasks.Task Once_a_newer_evaluation_is_signed_off_the_older_one_cannot_become_the_record()
    {
        var ingested = await IngestAsync(Cases.LungT790MAfterErlotinib());
        var older = ingested.EvaluationId!.Value;
        var newer = (await ReadJsonAsync(await Board.PostAsync($"/api/patients/{ingested.PatientId}/evaluations", null))).GetProperty("evaluationId").GetGuid();
        await Board.PostAsJsonAsync($"/api/evaluations/{newer}/sign-off", new { comment = "MTB", acceptUnreviewed = true });

        var late = await Board.PostAsJsonAsync($"/api/evaluations/{older}/sign-off", new { comment = "late", acceptUnreviewed = true });

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(newer, (await ReadJsonAsync(late)).GetProperty("signedOffEvaluationId").GetGuid());
        var view = await GetAsync<JsonElement>(Board, $"/api/patients/{ingested.PatientId}/recommendations");
        Assert.Equal(newer, view.GetProperty("signedOffEvaluationId").GetGuid());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("pendingEvaluationId").ValueKind);
    }

    [Fact]
    public async System.Threading.Tasks.Task An_arm_status_change_records_who_when_and_why_in_the_trial_the_audit_trail_and_the_arm_patient_list()
    {
        await IngestAsync(Cases.SquamousLungPik3ca());

        var response = await Coordinator.PatchAsJsonAsync("/api/trials/Lung-MAP/arms/S1400B", new { status = "closed", reason = "Sub-study closed to accrual." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var trial = await GetAsync<JsonElement>(Coordinator, "/api/trials/Lung-MAP");
        var arm = trial.GetProperty("arms").EnumerateArray().Single(a => a.GetProperty("armId").GetString() == "S1400B");
        var change = Assert.Single(arm.GetProperty("statusHistory").EnumerateArray());
        Assert.Equal("closed", change.GetProperty("to").GetString());
        Assert.Equal("coordinator-1", change.GetProperty("changedBy").GetString());
        Assert.Equal("Sub-study closed to accrual.", change.GetProperty("reason").GetString());
        var page = await GetAsync<JsonElement>(Coordinator, "/api/trials/Lung-MAP/arms/S1400B/patients");
        Assert.Equal("closed", page.GetProperty("armStatus").GetString());
        Assert.Equal("coordinator-1", page.GetProperty("lastStatusChange").GetProperty("changedBy").GetString());
        Assert.Equal(1, await App.CountAsync("arm_status_changes"));
        Assert.Equal(1, await App.CountAsync("audit_events WHERE action = 'arm-status' AND actor = 'coordinator-1' AND details->>'reason' = 'Sub-study closed to accrual.'"));
    }

    private sealed record Arm(string TrialId, string ArmId, string Status);

    /// <summary>The T790M case, its osimertinib finding accepted and the evaluation signed off; one of its trial arms to change.</summary>
    private async Task<(Guid PatientId, Guid EvaluationId, Arm Arm)> SignedOffT790MCaseAsync()
    {
        var ingested = await IngestAsync(Cases.LungT790MAfterErlotinib());
        var evaluation = await GetAsync<JsonElement>(Board, $"/api/patients/{ingested.PatientId}/recommendations");
        var osimertinib = Therapies.For(evaluation, "osimertinib").First().GetProperty("recommendationId").GetGuid();
        var review = await Board.PostAsJsonAsync($"/api/recommendations/{osimertinib}/reviews", new { decision = "accepted", comment = "Start osimertinib." });
        Assert.Equal(HttpStatusCode.Created, review.StatusCode);
        var signOff = await Board.PostAsJsonAsync($"/api/evaluations/{ingested.EvaluationId}/sign-off", new { comment = "MTB", acceptUnreviewed = true });
        Assert.Equal(HttpStatusCode.Created, signOff.StatusCode);
        var trial = evaluation.GetProperty("trials")[0];
        return (ingested.PatientId, ingested.EvaluationId!.Value,
            new Arm(trial.GetProperty("trialId").GetString()!, trial.GetProperty("armId").GetString()!, trial.GetProperty("armStatus").GetString()!));
    }

    private async Task<string> ChangeArmAndRematchAsync(Arm arm, string? reason)
    {
        var status = arm.Status == "open" ? "suspended" : "open";
        var patch = await Coordinator.PatchAsJsonAsync($"/api/trials/{arm.TrialId}/arms/{arm.ArmId}", new { status, reason });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        var run = await App.Services.GetRequiredService<Rematcher>().RunAsync(batchSize: 10, CancellationToken.None);
        Assert.Equal(1, run.Patients);
        return status;
    }

    private async Task<(Bundle Bundle, DiagnosticReport Report)> ExportAsync(Guid patientId, string query = "")
    {
        var response = await Board.GetAsync($"/fhir/Patient/{patientId}/$recommendations{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bundle = new FhirJsonDeserializer().Deserialize<Bundle>(await response.Content.ReadAsStringAsync())!;
        return (bundle, bundle.Entry.Select(e => e.Resource).OfType<DiagnosticReport>().Single());
    }

    private static string ReportIdentifier(DiagnosticReport report) =>
        string.Join(",", report.Identifier.Select(i => i.Value).Append(report.Id ?? string.Empty));
}
