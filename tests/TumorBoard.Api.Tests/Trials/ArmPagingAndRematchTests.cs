using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TumorBoard.Api.Features.Ingestion;
using TumorBoard.Api.Features.Rematch;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.Tests.Infrastructure;
using TumorBoard.TestSupport.Fhir;

namespace TumorBoard.Api.Tests.Trials;

/// <summary>Arm lists paged from the index, and re-match batches written with COPY, read exactly as before.</summary>
public sealed class ArmPagingAndRematchTests(TumorBoardApp app) : ApiTest(app)
{
    private HttpClient Coordinator => App.CreateClient("coordinator-1", Roles.Trials);

    [Fact]
    public async Task Given_more_patients_than_a_page_when_paging_an_arm_then_each_patient_appears_once_in_one_stable_order()
    {
        var ingested = new List<Guid>();
        foreach (var mrn in new[] { "MRN-PAGE-1", "MRN-PAGE-2", "MRN-PAGE-3" })
        {
            ingested.Add((await IngestAsync(SquamousPik3ca(mrn))).PatientId);
        }

        var onePerPage = new List<Guid>();
        for (var page = 1; page <= 3; page++)
        {
            onePerPage.AddRange(await PatientIdsAsync($"/api/trials/Lung-MAP/arms/S1400B/patients?page={page}&pageSize=1"));
        }

        var onePage = await PatientIdsAsync("/api/trials/Lung-MAP/arms/S1400B/patients?page=1&pageSize=3");
        var beyond = await GetAsync<JsonElement>(Coordinator, "/api/trials/Lung-MAP/arms/S1400B/patients?page=4&pageSize=1");
        Assert.Equal(onePage, onePerPage);
        Assert.Equal(ingested.Order(), onePage.Order());
        Assert.Equal(3, beyond.GetProperty("total").GetInt32());
        Assert.Empty(beyond.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Given_patients_in_several_batches_when_rematched_then_each_evaluation_matches_a_single_evaluation_and_has_its_audit_and_reviews()
    {
        var patients = new[]
        {
            await IngestAsync(Cases.LungT790MAfterErlotinib()),
            await IngestAsync(Cases.BreastEsr1UnderLetrozole()),
            await IngestAsync(Cases.SquamousLungPik3ca()),
        };
        var before = new Dictionary<Guid, JsonElement>();
        foreach (var patient in patients)
        {
            before[patient.PatientId] = await GetAsync<JsonElement>(Board, $"/api/patients/{patient.PatientId}/recommendations");
        }

        await App.MakeLatestEvaluationsStaleAsync();
        var run = await App.Services.GetRequiredService<Rematcher>().RunAsync(batchSize: 2, CancellationToken.None);

        Assert.Equal(3, run.Patients);
        Assert.Equal(2, run.Batches);
        foreach (var patient in patients)
        {
            await AssertRematchedAsync(patient, before[patient.PatientId]);
        }
    }

    private async Task AssertRematchedAsync(IngestResponse patient, JsonElement before)
    {
        var after = await GetAsync<JsonElement>(Board, $"/api/patients/{patient.PatientId}/recommendations");
        var evaluationId = after.GetProperty("evaluationId").GetGuid();
        Assert.Equal("rematch", after.GetProperty("trigger").GetString());
        Assert.Equal(patient.EvaluationId, after.GetProperty("previousEvaluationId").GetGuid());
        Assert.Equal(Therapies(before), Therapies(after));
        Assert.NotEmpty(Trials(after));

        var stored = await GetAsync<JsonElement>(Board, $"/api/evaluations/{evaluationId}");
        Assert.Equal(after.GetProperty("evaluatedAt").GetDateTimeOffset(), stored.GetProperty("evaluatedAt").GetDateTimeOffset());
        var audit = await GetAsync<JsonElement>(Board, $"/api/patients/{patient.PatientId}/audit");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "evaluation"
            && e.GetProperty("entityId").GetString() == evaluationId.ToString() && e.GetProperty("actor").GetString() == "system");
        var recommendationId = after.GetProperty("trials")[0].GetProperty("recommendationId").GetGuid();
        var review = await Board.PostAsJsonAsync($"/api/recommendations/{recommendationId}/reviews", new { decision = "accepted", comment = "after re-match" });
        Assert.Equal(HttpStatusCode.Created, review.StatusCode);

        // The same patient evaluated alone (PatientEvaluator, EF SaveChanges) finds exactly what the batch stored.
        var requested = await Board.PostAsync($"/api/patients/{patient.PatientId}/evaluations", null);
        Assert.Equal(HttpStatusCode.Created, requested.StatusCode);
        var alone = await ReadJsonAsync(requested);
        Assert.Equal(Therapies(alone), Therapies(after));
        Assert.Equal(Trials(alone), Trials(after));
    }

    private async Task<List<Guid>> PatientIdsAsync(string url)
    {
        var page = await GetAsync<JsonElement>(Coordinator, url);
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("patientId").GetGuid()).ToList();
    }

    private static List<string> Therapies(JsonElement evaluation) =>
        evaluation.GetProperty("therapies").EnumerateArray()
            .Select(t => $"{t.GetProperty("ruleId").GetString()} @ {t.GetProperty("alterationKey").GetString()}: {t.GetProperty("level").GetString()}, {t.GetProperty("sample").GetString()}")
            .Order(StringComparer.Ordinal).ToList();

    private static List<string> Trials(JsonElement evaluation) =>
        evaluation.GetProperty("trials").EnumerateArray()
            .Select(t => $"{t.GetProperty("trialId").GetString()}/{t.GetProperty("armId").GetString()}: {t.GetProperty("status").GetString()}, arm {t.GetProperty("armStatus").GetString()}")
            .Order(StringComparer.Ordinal).ToList();

    private static string SquamousPik3ca(string mrn) =>
        Cases.Patient(mrn, "LUSC", "Lung Squamous Cell Carcinoma", TestSite.Lung)
            .Therapy("carboplatin", Cases.Diagnosis.AddMonths(1), Cases.Diagnosis.AddMonths(5))
            .Report(new TestReport($"ACC-{mrn}", TestSite.Lung, Cases.Diagnosis, [new TestVariant("PIK3CA", "p.Glu545Lys", null, 0.25m)]))
            .ToJson();
}
