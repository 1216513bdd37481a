using System.Net;
using System.Text;
using System.Text.Json;
using TumorBoard.Api.Features.Ingestion;
using TumorBoard.Api.Tests.Infrastructure;

namespace TumorBoard.Api.Tests.Ingestion;

public sealed class IngestionTests(TumorBoardApp app) : ApiTest(app)
{
    [Fact]
    public async Task A_new_paired_bundle_is_stored_and_answered_201_with_its_location()
    {
        var response = await PostBundleAsync(Cases.LungT790MAfterErlotinib());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = JsonSerializer.Deserialize<IngestResponse>(await response.Content.ReadAsStringAsync(), Json)!;
        Assert.Equal($"/api/patients/{body.PatientId}", response.Headers.Location!.ToString());
        Assert.Equal(2, body.ReportIds.Count);
        Assert.NotNull(body.EvaluationId);
        Assert.Equal(2, await App.CountAsync("reports"));
        Assert.Equal(1, await App.CountAsync("ingested_bundles"));
        Assert.Equal(3, await App.CountAsync("alterations"));
    }

    [Fact]
    public async Task The_same_bundle_posted_again_is_answered_200_and_stores_nothing_new()
    {
        var bundle = Cases.LungT790MAfterErlotinib();
        var first = await IngestAsync(bundle);
        var rowsAfterFirst = await App.TotalRowsAsync();

        var response = await PostBundleAsync(bundle);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var second = JsonSerializer.Deserialize<IngestResponse>(await response.Content.ReadAsStringAsync(), Json)!;
        Assert.Equal(first.PatientId, second.PatientId);
        Assert.Equal(first.ReportIds.Order(), second.ReportIds.Order());
        Assert.Equal(first.EvaluationId, second.EvaluationId);
        Assert.Equal(rowsAfterFirst, await App.TotalRowsAsync());
    }

    [Fact]
    public async Task Twenty_concurrent_posts_of_one_report_store_one_report()
    {
        var bundle = Cases.SingleLungReport("MRN-CONC", "ACC-CONC-1");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PostBundleAsync(bundle)));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.StatusCode.ToString()));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(1, await App.CountAsync("patients"));
        Assert.Equal(1, await App.CountAsync("reports"));
        Assert.Equal(1, await App.CountAsync("evaluations"));
    }

    [Fact]
    public async Task Reports_posted_years_apart_for_the_same_identifier_belong_to_one_patient()
    {
        var primary = await IngestAsync(Cases.SingleLungReport("MRN-APART", "ACC-APART-1"));
        var later = await IngestAsync(Cases.SingleLungReport("MRN-APART", "ACC-APART-2", protein: "p.Thr790Met"));

        Assert.Equal(primary.PatientId, later.PatientId);
        Assert.Equal(2, await App.CountAsync("reports"));
        Assert.Equal(2, await App.CountAsync("evaluations"));
    }

    [Fact]
    public async Task An_amended_report_replaces_the_stored_one_and_keeps_its_history()
    {
        var original = await IngestAsync(Cases.SingleLungReport("MRN-AMEND", "ACC-AMEND-1", vaf: 0.30m));

        var amended = await IngestAsync(Cases.SingleLungReport("MRN-AMEND", "ACC-AMEND-1", status: "amended", vaf: 0.25m));

        Assert.Equal(original.ReportIds, amended.ReportIds);
        Assert.NotEqual(original.EvaluationId, amended.EvaluationId);
        Assert.Equal(1, await App.CountAsync("reports"));
        Assert.Equal(1, await App.CountAsync("report_versions"));
        Assert.Equal(1, await App.CountAsync("alterations"));
        var alterations = await GetAsync<JsonElement>(Board, $"/api/patients/{amended.PatientId}/alterations");
        Assert.Equal(0.25m, alterations[0].GetProperty("vaf").GetDecimal());
    }

    [Fact]
    public async Task A_final_report_with_a_stored_identifier_and_new_content_is_a_409_that_changes_nothing()
    {
        await IngestAsync(Cases.SingleLungReport("MRN-CONFLICT", "ACC-CONFLICT-1", vaf: 0.30m));
        var rows = await App.TotalRowsAsync();

        var response = await PostBundleAsync(Cases.SingleLungReport("MRN-CONFLICT", "ACC-CONFLICT-1", vaf: 0.45m));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType!.MediaType);
        var outcome = await ReadJsonAsync(response);
        Assert.Equal("OperationOutcome", outcome.GetProperty("resourceType").GetString());
        Assert.Contains("amended", outcome.GetProperty("issue")[0].GetProperty("diagnostics").GetString(), StringComparison.Ordinal);
        Assert.Equal(rows, await App.TotalRowsAsync());
    }

    [Fact]
    public async Task Uninterpretable_alterations_are_kept_and_reported_as_warnings()
    {
        var bundle = Cases.Patient("MRN-WARN", "LUAD", "Lung Adenocarcinoma", TestSupport.Fhir.TestSite.Lung)
            .Report(new TestSupport.Fhir.TestReport("ACC-WARN-1", TestSupport.Fhir.TestSite.Lung, Cases.Diagnosis,
                [new TestSupport.Fhir.TestVariant("EGFR", "p.Leu858Arg", null, 0.3m), new TestSupport.Fhir.TestVariant("NOTAGENE1", "p.Val600Glu", null, 0.2m)]))
            .ToJson();

        var body = await IngestAsync(bundle);

        Assert.Contains(body.Warnings, w => w.Contains("NOTAGENE1", StringComparison.Ordinal));
        var alterations = await GetAsync<JsonElement>(Board, $"/api/patients/{body.PatientId}/alterations");
        Assert.Equal(2, alterations.GetArrayLength());
        Assert.Contains(alterations.EnumerateArray(), a => !a.GetProperty("interpreted").GetBoolean());
    }

    [Fact]
    public async Task An_xml_bundle_is_accepted()
    {
        var xml = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "paired-lung.xml"));

        var response = await Ingest.PostAsync("/fhir/Bundle", new StringContent(xml, Encoding.UTF8, "application/fhir+xml"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_patient_is_found_by_identifier_and_the_search_is_audited()
    {
        var ingested = await IngestAsync(Cases.SingleLungReport("MRN-FIND", "ACC-FIND"));

        var found = await GetAsync<JsonElement>(Board, "/api/patients?identifier=urn:test:mrn|MRN-FIND");
        var missing = await GetAsync<JsonElement>(Board, "/api/patients?identifier=urn:test:mrn|MRN-NOBODY");
        var malformed = await Board.GetAsync("/api/patients?identifier=MRN-FIND");

        Assert.Equal(ingested.PatientId, Assert.Single(found.EnumerateArray()).GetProperty("patientId").GetGuid());
        Assert.Equal("LUAD", found[0].GetProperty("tumorType").GetProperty("oncotreeCode").GetString());
        Assert.Empty(missing.EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var audit = await GetAsync<JsonElement>(Board, $"/api/patients/{ingested.PatientId}/audit");
        Assert.Equal("search", audit[0].GetProperty("action").GetString());
    }
}
