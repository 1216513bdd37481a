using System.Net;
using System.Text.Json;
using TumorBoard.Api.Tests.Infrastructure;
using TumorBoard.Fhir.Tests;

namespace TumorBoard.Api.Tests.Ingestion;

/// <summary>Every example Bundle of the Genomics Reporting IG (STU2, STU3) through POST /fhir/Bundle: stored, or rejected for a pinned reason.</summary>
public sealed class IgExampleBundleTests(TumorBoardApp app) : ApiTest(app)
{
    /// <summary>
    /// Which IG examples are stored and which rejected, and why. Only four carry what pairing needs (a Patient
    /// with an identifier that has both system and value, and a genomics report): in each IG version the HLA full
    /// bundle and the oncology report example. The others are rejected, 422, for the first reason named: no Patient at all (the
    /// STU2 pharmacogenomics and variant-only examples) or a Patient whose identifier lacks system or value.
    /// A change to the reader that flips any of them fails here, on purpose.
    /// </summary>
    [Theory]
    [InlineData("genomics-reporting-stu2-json/Bundle-bundle-CG-IG-HLA-FullBundle-01.json", null)]
    [InlineData("genomics-reporting-stu2-json/Bundle-bundle-CYP2C19.json", "The bundle has no Patient")]
    [InlineData("genomics-reporting-stu2-json/Bundle-bundle-cgexample-withGrouping.json", "The Patient has no identifier with both system and value")]
    [InlineData("genomics-reporting-stu2-json/Bundle-bundle-cgexample.json", "The Patient has no identifier with both system and value")]
    [InlineData("genomics-reporting-stu2-json/Bundle-bundle-complexVariant-nonHGVS.json", "The bundle has no Patient")]
    [InlineData("genomics-reporting-stu2-json/Bundle-bundle-compound-heterozygote.json", "The bundle has no Patient")]
    [InlineData("genomics-reporting-stu2-json/Bundle-bundle-oncology-diagnostic.json", "The Patient has no identifier with both system and value")]
    [InlineData("genomics-reporting-stu2-json/Bundle-bundle-oncology-report-example.json", null)]
    [InlineData("genomics-reporting-stu2-json/Bundle-bundle-oncologyexamples-r4-withGrouping.json", "The Patient has no identifier with both system and value")]
    [InlineData("genomics-reporting-stu2-json/Bundle-bundle-oncologyexamples-r4.json", "The Patient has no identifier with both system and value")]
    [InlineData("genomics-reporting-stu2-json/Bundle-bundle-pgxexample.json", "The Patient has no identifier with both system and value")]
    [InlineData("genomics-reporting-stu2-json/Bundle-bundle-sequence-phase-relation-CYP2C19.json", "The bundle has no Patient")]
    [InlineData("genomics-reporting-stu3-json/Bundle-bundle-CG-IG-HLA-FullBundle-01.json", null)]
    [InlineData("genomics-reporting-stu3-json/Bundle-bundle-CYP2C19.json", "The Patient has no identifier with both system and value")]
    [InlineData("genomics-reporting-stu3-json/Bundle-bundle-cgexample-withGrouping.json", "The Patient has no identifier with both system and value")]
    [InlineData("genomics-reporting-stu3-json/Bundle-bundle-cgexample.json", "The Patient has no identifier with both system and value")]
    [InlineData("genomics-reporting-stu3-json/Bundle-bundle-complexVariant-nonHGVS.json", "The Patient has no identifier with both system and value")]
    [InlineData("genomics-reporting-stu3-json/Bundle-bundle-compound-heterozygote.json", "The Patient has no identifier with both system and value")]
    [InlineData("genomics-reporting-stu3-json/Bundle-bundle-oncology-diagnostic.json", "The Patient has no identifier with both system and value")]
    [InlineData("genomics-reporting-stu3-json/Bundle-bundle-oncology-report-example.json", null)]
    [InlineData("genomics-reporting-stu3-json/Bundle-bundle-oncologyexamples-r4-withGrouping.json", "The Patient has no identifier with both system and value")]
    [InlineData("genomics-reporting-stu3-json/Bundle-bundle-oncologyexamples-r4.json", "The Patient has no identifier with both system and value")]
    [InlineData("genomics-reporting-stu3-json/Bundle-bundle-pgxexample.json", "The Patient has no identifier with both system and value")]
    [InlineData("genomics-reporting-stu3-json/Bundle-bundle-sequence-phase-relation-CYP2C19.json", "The Patient has no identifier with both system and value")]
    public async Task An_IG_example_bundle_is_stored_or_rejected_for_its_known_reason(string relativePath, string? rejectedBecause)
    {
        var response = await PostBundleAsync(TestFiles.VendoredFile(relativePath));
        var body = await response.Content.ReadAsStringAsync();

        if (rejectedBecause is null)
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.NotEmpty(JsonDocument.Parse(body).RootElement.GetProperty("reportIds").EnumerateArray());
            return;
        }

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("issue").EnumerateArray()
            .Where(i => i.GetProperty("severity").GetString() is "error" or "fatal").ToList();
        Assert.Contains(errors, e => e.GetProperty("diagnostics").GetString()!.StartsWith(rejectedBecause, StringComparison.Ordinal));
        Assert.All(errors, e => Assert.NotEmpty(e.GetProperty("expression")[0].GetString()!));
        Assert.Equal(0, await App.TotalRowsAsync());
    }

    [Fact]
    public void Every_vendored_IG_example_bundle_is_pinned_above()
    {
        var vendored = new[] { "genomics-reporting-stu2-json", "genomics-reporting-stu3-json" }
            .SelectMany(folder => Directory.GetFiles(TestFiles.VendoredFolder(folder), "Bundle-*.json").Select(f => $"{folder}/{Path.GetFileName(f)}"))
            .Order(StringComparer.Ordinal);
        var pinned = typeof(IgExampleBundleTests).GetMethod(nameof(An_IG_example_bundle_is_stored_or_rejected_for_its_known_reason))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).Single()[0]).Order(StringComparer.Ordinal);

        Assert.Equal(vendored, pinned);
    }

    [Theory]
    [InlineData("genomics-reporting-stu2-json/Bundle-bundle-oncology-report-example.json")]
    [InlineData("genomics-reporting-stu3-json/Bundle-bundle-oncology-report-example.json")]
    public async Task The_IG_oncology_report_example_is_stored_with_its_variants(string relativePath)
    {
        var ingested = await IngestAsync(TestFiles.VendoredFile(relativePath));

        var alterations = await GetAsync<JsonElement>(Board, $"/api/patients/{ingested.PatientId}/alterations");
        // The example reports twelve variants (TumorBoard.Fhir.Tests reads them one by one); every one is stored.
        Assert.Equal(12, alterations.GetArrayLength());
    }
}
