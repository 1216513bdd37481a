using System.Net;
using System.Text.Json;
using TumorBoard.Api.Tests.Infrastructure;
using TumorBoard.TestSupport.Fhir;

namespace TumorBoard.Api.Tests.Recommendations;

/// <summary>
/// The CIViC layer through the service: its findings are served apart (<c>civicFindings</c>, <c>source: civic</c>), a
/// contradiction is visible on both sides while the curated finding is unchanged, the FHIR output tags CIViC findings,
/// and <c>KnowledgeBase:Civic:Enabled=false</c> leaves the layer out.
/// </summary>
public sealed class CivicLayerApiTests(TumorBoardApp app) : ApiTest(app)
{
    [Fact]
    public async Task Given_KRAS_G13D_colorectal_cancer_then_CIViC_cetuximab_sensitivity_is_served_apart_as_a_conflict_and_curated_resistance_is_unchanged()
    {
        var ingested = await IngestAsync(KrasG13dColorectal());

        var evaluation = await GetAsync<JsonElement>(Board, $"/api/patients/{ingested.PatientId}/recommendations");

        Assert.Equal("2026-05-26", evaluation.GetProperty("civicLayer").GetProperty("version").GetString());
        var curated = Assert.Single(evaluation.GetProperty("therapies").EnumerateArray(), t => t.GetProperty("ruleId").GetString() == "CRC-KRAS-RES/cetuximab");
        Assert.Equal("curated", curated.GetProperty("source").GetString());
        Assert.Equal("resistant", curated.GetProperty("effect").GetString());
        Assert.Equal("R1", curated.GetProperty("level").GetString());
        Assert.Contains(curated.GetProperty("civicConflicts").EnumerateArray(), e => e.GetProperty("evidenceId").GetString() == "EID306");
        Assert.DoesNotContain(evaluation.GetProperty("therapies").EnumerateArray(), t => t.GetProperty("ruleId").GetString()!.StartsWith("CIVIC-", StringComparison.Ordinal));

        var civic = Assert.Single(evaluation.GetProperty("civicFindings").EnumerateArray(), f => f.GetProperty("drugs").EnumerateArray().Single().GetString() == "cetuximab");
        Assert.Equal("civic", civic.GetProperty("source").GetString());
        Assert.Equal("sensitive", civic.GetProperty("effect").GetString());
        Assert.Equal("3A", civic.GetProperty("level").GetString());
        Assert.Equal("B", civic.GetProperty("civicLevel").GetString());
        Assert.Equal("primary", civic.GetProperty("sample").GetString());
        Assert.Equal(["CRC-KRAS-RES/cetuximab"], civic.GetProperty("conflictsWith").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains(evaluation.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("EID306", StringComparison.Ordinal) && w.GetString()!.Contains("curated finding stands", StringComparison.Ordinal));

        var fhir = await GetAsync<JsonElement>(Board, $"/fhir/Patient/{ingested.PatientId}/$recommendations?evaluation=latest");
        var tagged = fhir.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource"))
            .Where(r => r.TryGetProperty("meta", out var meta) && meta.TryGetProperty("tag", out var tags) && tags.EnumerateArray().Any(t => t.GetProperty("code").GetString() == "civic"))
            .ToList();
        Assert.NotEmpty(tagged);
        Assert.All(tagged, r => Assert.Contains("CIViC level", r.GetRawText(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_the_CIViC_layer_disabled_by_configuration_then_evaluations_carry_no_CIViC_findings_or_stamp()
    {
        using var withoutCivic = App.WithWebHostBuilder(b => b.UseSetting("KnowledgeBase:Civic:Enabled", "false"));
        var ingest = withoutCivic.CreateClient();
        ingest.DefaultRequestHeaders.Authorization = Ingest.DefaultRequestHeaders.Authorization;

        var response = await ingest.PostAsync("/fhir/Bundle", FhirJson(KrasG13dColorectal()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var evaluationId = (await ReadJsonAsync(response)).GetProperty("evaluationId").GetString();
        var evaluation = await GetAsync<JsonElement>(Board, $"/api/evaluations/{evaluationId}");
        Assert.Empty(evaluation.GetProperty("civicFindings").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, evaluation.GetProperty("civicLayer").ValueKind);
        Assert.Contains(evaluation.GetProperty("therapies").EnumerateArray(), t => t.GetProperty("ruleId").GetString() == "CRC-KRAS-RES/cetuximab");
    }

    private static string KrasG13dColorectal() =>
        new GenomicBundleBuilder("urn:test:mrn", "MRN-CIVIC-1")
            .PrimaryCancer("http://oncotree.mskcc.org", "COADREAD", "Colorectal Adenocarcinoma", TestSite.Colon)
            .Report(new TestReport("ACC-1", TestSite.Colon, new DateTimeOffset(2025, 1, 10, 0, 0, 0, TimeSpan.Zero), [new TestVariant("KRAS", "p.Gly13Asp", null, 0.3m)]))
            .ToJson();
}
