using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.Features.Rematch;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.Tests.Infrastructure;
using static TumorBoard.Api.Tests.Trials.CtmlClient;

namespace TumorBoard.Api.Tests.Trials;

/// <summary>CTML in and out through the real pipeline: validation, versions, audit, the trial-scoped re-match, export.</summary>
public sealed class CtmlImportTests(TumorBoardApp app) : ApiTest(app)
{
    private HttpClient Coordinator => App.CreateClient("coordinator-1", Roles.Trials);

    [Fact]
    public async Task Every_vendored_matchminer_trial_imports_and_is_listed_at_once()
    {
        var versions = new List<(string, int)>();
        foreach (var name in new[] { Wildcard, StructuralVariants, Tmb, Signatures, NegatedYaml })
        {
            var answer = await ImportAsync(Coordinator, name);
            versions.Add((answer.GetProperty("trialId").GetString()!, answer.GetProperty("version").GetInt32()));
            Assert.NotEmpty(answer.GetProperty("arms").EnumerateArray());
        }

        // 02, 03 and 04 share protocol_no 99-9999: each is a new version of that trial.
        Assert.Equal([("10-005", 1), ("99-9999", 1), ("99-9999", 2), ("99-9999", 3), ("11-111", 1)], versions);
        var catalog = await GetAsync<JsonElement>(Coordinator, "/api/trials");
        var ids = catalog.EnumerateArray().Select(t => t.GetProperty("trialId").GetString()).ToList();
        Assert.Contains("10-005", ids);
        Assert.Contains("11-111", ids);
        var signatures = await GetAsync<JsonElement>(Coordinator, "/api/trials/99-9999");
        Assert.Equal("3", signatures.GetProperty("version").GetString());
    }

    [Fact]
    public async Task An_imported_trial_matches_a_posted_patient_after_its_rematch_and_names_the_version()
    {
        var v600e = await IngestAsync(Melanoma("MRN-V600E", ("BRAF", "p.Val600Glu")));
        var g469a = await IngestAsync(Melanoma("MRN-G469A", ("BRAF", "p.Gly469Ala")));
        var kras = await IngestAsync(Melanoma("MRN-KRAS", ("KRAS", "p.Gly12Asp")));

        var import = await ImportAsync(Coordinator, Wildcard);
        var run = await App.Services.GetRequiredService<Rematcher>().RunAsync(batchSize: 10, CancellationToken.None);

        // Trial-scoped: the two BRAF patients, not the KRAS one.
        Assert.Equal(2, run.Patients);
        var matched = await GetAsync<JsonElement>(Board, $"/api/patients/{v600e.PatientId}/recommendations");
        var arm = matched.GetProperty("trials").EnumerateArray().Single(t => t.GetProperty("trialId").GetString() == "10-005");
        Assert.Equal("step-1", arm.GetProperty("armId").GetString());
        Assert.Equal("eligible", arm.GetProperty("status").GetString());
        Assert.Equal("1", arm.GetProperty("trialVersion").GetString());
        Assert.Equal("", arm.GetProperty("nctId").GetString());
        var refused = await GetAsync<JsonElement>(Board, $"/api/patients/{g469a.PatientId}/recommendations");
        Assert.DoesNotContain(refused.GetProperty("trials").EnumerateArray(), t => t.GetProperty("trialId").GetString() == "10-005");
        var untouched = await GetAsync<JsonElement>(Board, $"/api/patients/{kras.PatientId}/recommendations");
        Assert.Equal(kras.EvaluationId, untouched.GetProperty("evaluationId").GetGuid());
        var job = await GetAsync<JsonElement>(Coordinator, $"/api/jobs/{import.GetProperty("rematchJobId").GetGuid()}");
        Assert.Equal("completed", job.GetProperty("status").GetString());
        // The FHIR export of a trial without an NCT id names it in text.
        var fhir = await Board.GetAsync($"/fhir/Patient/{v600e.PatientId}/$recommendations?evaluation=latest");
        Assert.Equal(HttpStatusCode.OK, fhir.StatusCode);
    }

    [Fact]
    public async Task A_new_patient_is_matched_by_the_imported_trial_at_ingestion()
    {
        await ImportAsync(Coordinator, NegatedYaml);

        var nrasG12d = await IngestAsync(Melanoma("MRN-NRAS-G12D", ("NRAS", "p.Gly12Asp")));
        var nrasQ61k = await IngestAsync(Melanoma("MRN-NRAS-Q61K", ("NRAS", "p.Gln61Lys")));

        var excluded = await GetAsync<JsonElement>(Board, $"/api/patients/{nrasG12d.PatientId}/recommendations");
        var listed = await GetAsync<JsonElement>(Board, $"/api/patients/{nrasQ61k.PatientId}/recommendations");
        Assert.DoesNotContain(excluded.GetProperty("trials").EnumerateArray(), t => t.GetProperty("trialId").GetString() == "11-111");
        var arm = listed.GetProperty("trials").EnumerateArray().Single(t => t.GetProperty("trialId").GetString() == "11-111");
        Assert.Equal("EXP-3", arm.GetProperty("armId").GetString());
        Assert.Equal("eligible", arm.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_invalid_document_is_422_with_every_problem_by_path_and_stores_nothing()
    {
        var response = await Coordinator.PostAsync("/api/trials", Fixture(StructuralVariants));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(response);
        var paths = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Equal(3, paths.Count);
        Assert.Contains("$.treatment_list.step[0].arm[0].match[0].and[2].or[12].genomic.hugo_symbol", paths);
        Assert.Contains("unknown gene 'RANDB2'", problem.GetProperty("errors").GetProperty("$.treatment_list.step[0].arm[0].match[0].and[2].or[12].genomic.hugo_symbol")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await App.CountAsync("trial_versions"));
        Assert.Equal(0, await App.CountAsync("jobs"));
        Assert.Equal(0L, await App.ScalarAsync<long>("SELECT count(*) FROM audit_events WHERE entity_type = 'trial'"));
    }

    [Theory]
    [InlineData("""{"protocol_no": "12-1", "treatment_list": {"step": [{"arm": [{"arm_code": "A", "match": [{"and": [{"clinical": {"oncotree_primary_diagnosis": "Atlantis Carcinoma"}}]}]}]}]}}""", "$.treatment_list.step[0].arm[0].match[0].and[0].clinical.oncotree_primary_diagnosis")]
    [InlineData("""{"protocol_no": "12-1", "treatment_list": {"step": [{"arm": [{"arm_code": "A", "match": [{"and": {"genomic": {"hugo_symbol": "EGFR"}}}]}]}]}}""", "$.treatment_list.step[0].arm[0].match[0].and")]
    [InlineData("""{"protocol_no": "12-1", "treatment_list": {"step": [{"arm": [{"arm_code": "A", "match": [{"genomic": {"hugo_symbol": "EGFR", "exon": 19}}]}]}]}}""", "$.treatment_list.step[0].arm[0].match[0].genomic.exon")]
    [InlineData("""{"protocol_no": "12-1", "treatment_list": {"step": [{"arm": [{"arm_code": "A", "match": [{"clinical": {"age_numerical": "adult"}}]}]}]}}""", "$.treatment_list.step[0].arm[0].match[0].clinical.age_numerical")]
    [InlineData("""{"protocol_no": "12-1", "treatment_list": {"step": []}""", "$")]
    public async Task Each_kind_of_problem_is_located(string document, string path)
    {
        var response = await Coordinator.PostAsync("/api/trials", Content(document, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty(path, out _), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Shipped_trials_wrong_media_types_and_board_members_are_refused()
    {
        var shipped = await Coordinator.PostAsync("/api/trials", Content("""{"protocol_no": "NCI-MATCH", "treatment_list": {"step": [{"match": [{"genomic": {"hugo_symbol": "BRAF"}}]}]}}""", "application/json"));
        var text = await Coordinator.PostAsync("/api/trials", Content("protocol_no: 1", "text/plain"));
        var board = await Board.PostAsync("/api/trials", Fixture(Wildcard));

        Assert.Equal(HttpStatusCode.Conflict, shipped.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, board.StatusCode);
    }

    [Fact]
    public async Task Put_stores_a_new_version_keeps_the_old_one_and_is_audited()
    {
        await ImportAsync(Coordinator, NegatedYaml);
        var changed = JsonNode.Parse(await (await Coordinator.GetAsync("/api/trials/11-111/ctml")).Content.ReadAsStringAsync())!;
        changed["treatment_list"]!["step"]![0]!["arm"]![0]!["arm_suspended"] = "Y";

        var put = await PutAsync(Coordinator, "11-111", changed.ToJsonString());
        var again = await PutAsync(Coordinator, "11-111", changed.ToJsonString());
        var otherId = await PutAsync(Coordinator, "11-112", changed.ToJsonString());
        var unknown = await PutAsync(Coordinator, "11-222", changed.ToJsonString().Replace("11-111", "11-222", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(2, (await JsonAsync(put)).GetProperty("version").GetInt32());
        Assert.True((await JsonAsync(again)).GetProperty("unchanged").GetBoolean());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherId.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var versions = await GetAsync<JsonElement>(Coordinator, "/api/trials/11-111/versions");
        Assert.Equal(["2", "1"], versions.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetString()!).ToArray());
        var first = JsonNode.Parse(await (await Coordinator.GetAsync("/api/trials/11-111/ctml?version=1")).Content.ReadAsStringAsync())!;
        Assert.Equal("N", first["treatment_list"]!["step"]![0]!["arm"]![0]!["arm_suspended"]!.GetValue<string>());
        var trial = await GetAsync<JsonElement>(Coordinator, "/api/trials/11-111");
        Assert.Equal("suspended", trial.GetProperty("arms")[0].GetProperty("status").GetString());
        Assert.Equal(["trial-import", "trial-replace"],
            (await App.ScalarAsync<string[]>("SELECT array_agg(action ORDER BY id) FROM audit_events WHERE entity_type = 'trial' AND entity_id = '11-111' AND actor = 'coordinator-1'"))!);
        // The replacement joined the re-match still queued for the trial.
        Assert.Equal(1L, await App.ScalarAsync<long>("SELECT count(*) FROM jobs WHERE trial_id = '11-111'"));
    }

    [Fact]
    public async Task Export_round_trips_through_the_service_and_shipped_trials_export_too()
    {
        await ImportAsync(Coordinator, StructuralVariants);
        var exported = await (await Coordinator.GetAsync("/api/trials/99-9999/ctml")).Content.ReadAsStringAsync();
        Assert.Contains("\"fusion_partner_hugo_symbol\": \"intergenic\"", exported, StringComparison.Ordinal);
        Assert.Contains("\"variant_category\": \"!Structural Variation\"", exported, StringComparison.Ordinal);

        var reimport = await Coordinator.PutAsync("/api/trials/99-9999?allowUnknownGenes=true", Content(exported, "application/json"));
        var reexported = await (await Coordinator.GetAsync("/api/trials/99-9999/ctml")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, reimport.StatusCode);
        Assert.Equal(exported, reexported);
        var nciMatch = JsonNode.Parse(await (await Board.GetAsync("/api/trials/NCI-MATCH/ctml")).Content.ReadAsStringAsync())!;
        Assert.Equal("NCI-MATCH", nciMatch["protocol_no"]!.GetValue<string>());
        Assert.NotEmpty(nciMatch["_tumorboard_not_exported"]!.AsArray());
        var missing = await Board.GetAsync("/api/trials/NOPE/ctml");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Export_as_yaml_when_asked_and_the_yaml_posts_back_as_the_same_trial()
    {
        await ImportAsync(Coordinator, Wildcard);
        using var ask = new HttpRequestMessage(HttpMethod.Get, "/api/trials/10-005/ctml");
        ask.Headers.Accept.ParseAdd("application/yaml");
        var yamlResponse = await Coordinator.SendAsync(ask);
        var yaml = await yamlResponse.Content.ReadAsStringAsync();
        var json = await (await Coordinator.GetAsync("/api/trials/10-005/ctml")).Content.ReadAsStringAsync();

        // The export is the service's normal form of the trial, so the first post of it is a new version...
        var put = await Coordinator.PutAsync("/api/trials/10-005", Content(yaml, "application/yaml"));
        var afterPut = await (await Coordinator.GetAsync("/api/trials/10-005/ctml")).Content.ReadAsStringAsync();
        // ...and posting it again, as YAML or as the JSON export, changes nothing.
        var again = await JsonAsync(await Coordinator.PutAsync("/api/trials/10-005", Content(yaml, "application/yaml")));
        var asJson = await JsonAsync(await Coordinator.PutAsync("/api/trials/10-005", Content(json, "application/json")));

        Assert.Equal("application/yaml", yamlResponse.Content.Headers.ContentType!.MediaType);
        Assert.Contains("\"protocol_no\": \"10-005\"", yaml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(json, afterPut);
        Assert.True(again.GetProperty("unchanged").GetBoolean());
        Assert.True(asJson.GetProperty("unchanged").GetBoolean());
        Assert.Equal(2L, await App.ScalarAsync<long>("SELECT count(*) FROM trial_versions WHERE trial_id = '10-005'"));
    }

    [Fact]
    public async Task Another_instance_picks_up_a_new_version_without_a_restart()
    {
        await ImportAsync(Coordinator, Wildcard);
        // This instance now behaves like one started before the import (its catalogue has no imported trial).
        var knowledge = App.Services.GetRequiredService<Knowledge>();
        knowledge.UseDatabaseTrials([], "before-the-import");
        Assert.Null(knowledge.Trials.Find("10-005"));

        // The poller compares the newest version with its own every couple of seconds; an evaluation checks first anyway.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (knowledge.Trials.Find("10-005") is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.NotNull(knowledge.Trials.Find("10-005"));
    }
}
