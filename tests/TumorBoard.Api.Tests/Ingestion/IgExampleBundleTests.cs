using System.Net;
using System.Text.Json;
using TumorBoard.Api.Tests.Infrastructure;
using TumorBoard.Fhir.Tests;

namespace TumorBoard.Api.Tests.Ingestion;

/// <summary>Every example Bundle of the Genomics Reporting IG (STU2, STU3) through POST /fhir/Bundle: stored, or rejected precisely.</summary>
public sealed class IgExampleBundleTests(TumorBoardApp app) : ApiTest(app)
{
    public static TheoryData<string> Bundles()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "genomics-reporting-stu2-json", "genomics-reporting-stu3-json" })
        {
            foreach (var file in Directory.GetFiles(TestFiles.VendoredFolder(folder), "Bundle-*.json").Order(StringComparer.Ordinal))
            {
                data.Add(Path.Combine(folder, Path.GetFileName(file)));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Bundles))]
    public async Task An_IG_example_bundle_is_stored_or_rejected_with_a_located_OperationOutcome(string relativePath)
    {
        var response = await PostBundleAsync(TestFiles.VendoredFile(relativePath));
        var body = await response.Content.ReadAsStringAsync();

        if (response.StatusCode == HttpStatusCode.Created)
        {
            Assert.NotEmpty(JsonDocument.Parse(body).RootElement.GetProperty("reportIds").EnumerateArray());
            return;
        }

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var issues = JsonDocument.Parse(body).RootElement.GetProperty("issue").EnumerateArray().ToList();
        var errors = issues.Where(i => i.GetProperty("severity").GetString() is "error" or "fatal").ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.NotEmpty(e.GetProperty("expression")[0].GetString()!));
        Assert.Equal(0, await App.TotalRowsAsync());
    }

    [Theory]
    [InlineData("genomics-reporting-stu2-json/Bundle-bundle-oncology-report-example.json")]
    [InlineData("genomics-reporting-stu3-json/Bundle-bundle-oncology-report-example.json")]
    public async Task The_IG_oncology_report_example_is_stored_with_its_variants(string relativePath)
    {
        var ingested = await IngestAsync(TestFiles.VendoredFile(relativePath));

        var alterations = await GetAsync<JsonElement>(Board, $"/api/patients/{ingested.PatientId}/alterations");
        Assert.True(alterations.GetArrayLength() >= 10, $"only {alterations.GetArrayLength()} alterations stored");
    }
}
