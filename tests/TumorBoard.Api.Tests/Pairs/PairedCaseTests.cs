using System.Text.Json;
using System.Xml.Linq;
using TumorBoard.Api.Tests.Infrastructure;

namespace TumorBoard.Api.Tests.Pairs;

/// <summary>Paired primary/metastasis and ctDNA cases through the real pipeline: ingestion, storage, comparison, evaluation.</summary>
public sealed class PairedCaseTests(TumorBoardApp app) : ApiTest(app)
{
    private async Task<(Guid PatientId, JsonElement Comparison, JsonElement Evaluation)> IngestAndReadAsync(string bundle)
    {
        var ingested = await IngestAsync(bundle);
        var comparison = await GetAsync<JsonElement>(Board, $"/api/patients/{ingested.PatientId}/comparison");
        var evaluation = await GetAsync<JsonElement>(Board, $"/api/patients/{ingested.PatientId}/recommendations");
        return (ingested.PatientId, comparison, evaluation);
    }

    private static JsonElement Alteration(JsonElement comparison, string key) =>
        comparison.GetProperty("alterations").EnumerateArray().Single(a => a.GetProperty("key").GetString() == key);

    private static string[] Flags(JsonElement alteration) => alteration.GetProperty("flags").EnumerateArray().Select(f => f.GetString()!).ToArray();

    [Fact]
    public async Task Given_T790M_acquired_after_erlotinib_then_osimertinib_is_emergent_and_first_generation_TKIs_resistant()
    {
        var (_, comparison, evaluation) = await IngestAndReadAsync(Cases.LungT790MAfterErlotinib());

        Assert.Equal("primary", comparison.GetProperty("fromRole").GetString());
        Assert.Equal("metastasis", comparison.GetProperty("toRole").GetString());
        Assert.Equal("shared", Alteration(comparison, "EGFR L858R").GetProperty("status").GetString());
        var t790m = Alteration(comparison, "EGFR T790M");
        Assert.Equal("acquired", t790m.GetProperty("status").GetString());
        Assert.Contains("emergentResistance", Flags(t790m));
        Assert.Equal(0.12m, t790m.GetProperty("vafTo").GetDecimal());

        var osimertinib = Therapies.For(evaluation, "osimertinib").Single(t => t.Is("alterationKey", "EGFR T790M"));
        Assert.True(osimertinib.Is("effect", "sensitive"));
        Assert.True(osimertinib.GetProperty("emergent").GetBoolean());
        Assert.True(osimertinib.Is("sample", "metastasis"));
        Assert.NotEmpty(osimertinib.GetProperty("citations").EnumerateArray());
        var erlotinibResistance = Therapies.For(evaluation, "erlotinib").Where(t => t.Is("effect", "resistant")).ToList();
        Assert.Contains(erlotinibResistance, t => t.Is("alterationKey", "EGFR T790M") && t.GetProperty("emergent").GetBoolean());
        Assert.Contains(Therapies.For(evaluation, "gefitinib"), t => t.Is("effect", "resistant") && t.Is("alterationKey", "EGFR T790M"));
    }

    [Fact]
    public async Task Given_ESR1_acquired_under_letrozole_then_ESR1_is_acquired_and_PIK3CA_shared()
    {
        var (_, comparison, evaluation) = await IngestAndReadAsync(Cases.BreastEsr1UnderLetrozole());

        Assert.Equal("shared", Alteration(comparison, "PIK3CA H1047R").GetProperty("status").GetString());
        Assert.Equal("acquired", Alteration(comparison, "ESR1 D538G").GetProperty("status").GetString());
        Assert.Equal(0.5m, comparison.GetProperty("concordance").GetDecimal());
        var esr1 = Therapies.Of(evaluation).Where(t => t.Is("alterationKey", "ESR1 D538G")).ToList();
        Assert.NotEmpty(esr1);
        Assert.All(esr1, t => Assert.True(t.GetProperty("emergent").GetBoolean()));
        Assert.Contains(Therapies.Of(evaluation), t => t.Is("alterationKey", "PIK3CA H1047R") && t.Is("sample", "both"));
    }

    [Fact]
    public async Task Given_ALK_G1202R_acquired_after_alectinib_then_lorlatinib_is_emergent_and_the_reversed_fusion_is_shared()
    {
        var (_, comparison, evaluation) = await IngestAndReadAsync(Cases.LungAlkG1202RAfterAlectinib());

        var g1202r = Alteration(comparison, "ALK G1202R");
        Assert.Equal("acquired", g1202r.GetProperty("status").GetString());
        var fusion = Assert.Single(comparison.GetProperty("alterations").EnumerateArray(), a => a.GetProperty("kind").GetString() == "fusion");
        Assert.Equal("shared", fusion.GetProperty("status").GetString());
        Assert.Contains(Therapies.For(evaluation, "lorlatinib"), t => t.Is("alterationKey", "ALK G1202R") && t.GetProperty("emergent").GetBoolean());
        Assert.Contains(Therapies.For(evaluation, "alectinib"), t => t.Is("effect", "resistant") && t.Is("alterationKey", "ALK G1202R"));
    }

    [Fact]
    public async Task Given_a_colorectal_pair_then_one_alteration_is_lost_one_acquired_and_RAS_resistance_to_cetuximab_is_emergent()
    {
        var (_, comparison, evaluation) = await IngestAndReadAsync(Cases.ColorectalLostAndAcquired());

        Assert.Equal("shared", Alteration(comparison, "APC R1450*").GetProperty("status").GetString());
        Assert.Equal("lost", Alteration(comparison, "TP53 R175H").GetProperty("status").GetString());
        var kras = Alteration(comparison, "KRAS G12D");
        Assert.Equal("acquired", kras.GetProperty("status").GetString());
        Assert.Contains("emergentResistance", Flags(kras));
        Assert.Contains(Therapies.For(evaluation, "cetuximab"), t => t.Is("effect", "resistant") && t.GetProperty("emergent").GetBoolean());
    }

    [Fact]
    public async Task Given_no_metastasis_biopsy_then_the_ctDNA_sample_is_compared_with_the_primary()
    {
        var (_, comparison, evaluation) = await IngestAndReadAsync(Cases.LungCtdna());

        Assert.Equal("ctdna", comparison.GetProperty("toRole").GetString());
        Assert.Equal("shared", Alteration(comparison, "EGFR E746_A750del").GetProperty("status").GetString());
        Assert.Equal("acquired", Alteration(comparison, "EGFR T790M").GetProperty("status").GetString());
        Assert.Contains(Therapies.For(evaluation, "osimertinib"), t => t.Is("sample", "ctdna") && t.GetProperty("emergent").GetBoolean());
    }

    [Fact]
    public async Task Given_a_gene_outside_the_primary_panel_then_it_is_not_tested_rather_than_acquired()
    {
        var (_, comparison, _) = await IngestAndReadAsync(Cases.LungPanelWithoutMet());

        Assert.Equal("notTested", Alteration(comparison, "MET amplification").GetProperty("status").GetString());
        Assert.Equal("shared", Alteration(comparison, "EGFR L858R").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Given_a_variant_near_half_VAF_in_both_samples_and_not_labelled_somatic_then_it_is_germline_suspect()
    {
        var (_, comparison, _) = await IngestAndReadAsync(Cases.BreastGermlineSuspect());

        Assert.Contains("germlineSuspect", Flags(Alteration(comparison, "BRCA2 S1982Rfs*22")));
        Assert.DoesNotContain("germlineSuspect", Flags(Alteration(comparison, "TP53 R248Q")));
    }

    [Fact]
    public async Task A_patient_with_one_report_has_no_comparison_409()
    {
        var ingested = await IngestAsync(Cases.SingleLungReport("MRN-ONE", "ACC-ONE"));

        var response = await Board.GetAsync($"/api/patients/{ingested.PatientId}/comparison");

        Assert.Equal(System.Net.HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_comparison_picture_is_an_svg_with_a_labelled_point_per_alteration()
    {
        var ingested = await IngestAsync(Cases.LungT790MAfterErlotinib());

        var response = await Board.GetAsync($"/api/patients/{ingested.PatientId}/comparison.svg");

        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var text = string.Concat(svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));
        Assert.Contains("T790M", text, StringComparison.Ordinal);
        Assert.Contains("L858R", text, StringComparison.Ordinal);
    }
}
