using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TumorBoard.Api.Features.Subscriptions;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.Tests.Evolution;
using TumorBoard.Api.Tests.Infrastructure;
using TumorBoard.Api.Tests.Trials;
using TumorBoard.TestSupport.Fhir;
using static TumorBoard.Api.Tests.Contract.ContractShape;

namespace TumorBoard.Api.Tests.Contract;

/// <summary>
/// Every route of the HTTP contract (v1 and the v2 additions) answers with every field the contract names, by JSON
/// property name and with the contract's types and enum spellings, through the real pipeline and database. Other
/// tests say what the values mean; these catch a renamed or missing field before an EHR integration does.
/// </summary>
public sealed class ContractConformanceTests(TumorBoardApp app) : ApiTest(app)
{
    private const string Roles4 = "enum(primary|metastasis|ctdna|normal)";

    private HttpClient Coordinator => App.CreateClient("coordinator-1", Roles.Trials);

    [Fact]
    public async Task Ingestion_answers_201_with_the_patient_location_and_the_contract_body_then_200_for_a_repost_and_409_as_an_operation_outcome()
    {
        var bundle = Cases.LungT790MAfterErlotinib();

        var created = await PostBundleAsync(bundle);
        var repost = await PostBundleAsync(bundle);
        var conflict = await PostBundleAsync(Cases.SingleLungReport("MRN-T790M", "ACC-LUNG-1", protein: "p.Gly719Ser"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await ReadJsonAsync(created);
        string[] fields = ["patientId:id", "reportIds[]:id", "evaluationId:id", "warnings:array"];
        AssertConforms(body, "POST /fhir/Bundle 201", fields);
        Assert.Equal($"/api/patients/{body.GetProperty("patientId").GetString()}", created.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, repost.StatusCode);
        AssertConforms(await ReadJsonAsync(repost), "POST /fhir/Bundle 200", fields);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("application/fhir+json", conflict.Content.Headers.ContentType?.MediaType);
        AssertConforms(await ReadJsonAsync(conflict), "POST /fhir/Bundle 409",
            "resourceType:enum(OperationOutcome)", "issue[].severity:string", "issue[].code:string", "issue[].diagnostics:string", "issue[].expression[]:string");
    }

    [Fact]
    public async Task Patient_search_patient_alterations_and_comparison_answer_every_contract_field()
    {
        var patientId = (await IngestAsync(Cases.LungT790MAfterErlotinib())).PatientId;

        AssertConforms(await GetAsync<JsonElement>(Board, "/api/patients?identifier=urn:test:mrn|MRN-T790M"), "GET /api/patients?identifier=",
            "[].patientId:id", "[].identifiers[].system:string", "[].identifiers[].value:string", "[].tumorType.oncotreeCode:string", "[].tumorType.name:string");
        AssertConforms(await GetAsync<JsonElement>(Board, $"/api/patients/{patientId}"), "GET /api/patients/{id}",
            "patientId:id", "identifiers[].system:string", "identifiers[].value:string", "tumorType.oncotreeCode:string", "tumorType.name:string",
            "reports[].reportId:id", "reports[].identifier.system:string", "reports[].identifier.value:string", "reports[].status:string",
            $"reports[].specimen.role:{Roles4}", "reports[].specimen.site:string?", "reports[].specimen.collectedAt:instant?",
            "reports[].issuedAt:instant?", "reports[].alterationCount:number",
            "priorTherapies[].drugs[]:string", "priorTherapies[].start:instant?", "priorTherapies[].end:instant?", "latestEvaluationId:id?", "warnings:array");
        AssertConforms(await GetAsync<JsonElement>(Board, $"/api/patients/{patientId}/alterations"), "GET /api/patients/{id}/alterations",
            "[].key:string", "[].gene:string", "[].kind:enum(snv|indel|cna|fusion|tmb|msi|other)", "[].proteinChange:string?", "[].codingChange:string?",
            "[].copyNumber:number?", "[].cnaCall:enum(amplification|gain|loss|deletion)?", "[].fusionGenes:array?", "[].value:number?", "[].vaf:number?",
            "[].origin:enum(somatic|germline|unknown)", "[].reportId:id", $"[].specimenRole:{Roles4}");
        AssertConforms(await GetAsync<JsonElement>(Board, $"/api/patients/{patientId}/comparison"), "GET /api/patients/{id}/comparison",
            "fromReportId:id", "toReportId:id", $"fromRole:{Roles4}", $"toRole:{Roles4}", "concordance:number?",
            "alterations[].key:string", "alterations[].gene:string", "alterations[].status:enum(shared|acquired|lost|notTested)",
            "alterations[].vafFrom:number?", "alterations[].vafTo:number?", "alterations[].flags[]:string");
    }

    [Fact]
    public async Task Evolution_answers_samples_therapies_alterations_and_progression_with_the_contract_names_classes_and_states()
    {
        var patientId = (await IngestAsync(EvolutionCases.Bundle(EvolutionCases.T790MThenC797S))).PatientId;

        var evolution = await GetAsync<JsonElement>(Board, $"/api/patients/{patientId}/evolution");

        AssertConforms(evolution, "GET /api/patients/{id}/evolution",
            "samples[].reportId:id", $"samples[].role:{Roles4}", "samples[].site:string?", "samples[].collectedAt:instant?", "samples[].panelGenes:array?",
            "therapies[].drugs[]:string", "therapies[].start:instant?", "therapies[].end:instant?",
            "alterations[].key:string", "alterations[].gene:string", "alterations[].class:enum(truncal|branch|private|emergent|lost|germlineSuspect)",
            "alterations[].emergentAfter[]:string", "alterations[].values[].reportId:id", "alterations[].values[].state:enum(detected|notDetected|notTested)",
            "alterations[].values[].vaf:number?", "alterations[].values[].copyNumber:number?",
            "progression[].key:string", "progression[].from.reportId:id", "progression[].from.vaf:number?", "progression[].to.reportId:id",
            "progression[].to.vaf:number?", "progression[].underTherapy[]:string", "progression[].rule:string");
        var t790m = evolution.GetProperty("alterations").EnumerateArray().Single(a => a.GetProperty("key").GetString() == "EGFR T790M");
        Assert.Equal(["erlotinib"], t790m.GetProperty("emergentAfter").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal([("EGFR T790M", "resistance-appearance", "erlotinib"), ("EGFR C797S", "resistance-appearance", "osimertinib")],
            evolution.GetProperty("progression").EnumerateArray().Select(p => (p.GetProperty("key").GetString()!, p.GetProperty("rule").GetString()!, p.GetProperty("underTherapy")[0].GetString()!)));
    }

    [Fact]
    public async Task Recommendations_evaluations_reviews_sign_off_and_audit_answer_every_contract_field_and_later_say_what_changed_since_sign_off_and_who_caused_it()
    {
        var ingested = await IngestAsync(Cases.LungT790MAfterErlotinib());
        var patientId = ingested.PatientId;
        var latest = await GetAsync<JsonElement>(Board, $"/api/patients/{patientId}/recommendations");
        AssertConforms(latest, "GET /api/patients/{id}/recommendations", EvaluationFields);
        AssertConforms(await GetAsync<JsonElement>(Board, $"/api/evaluations/{ingested.EvaluationId}"), "GET /api/evaluations/{id}", EvaluationFields);

        var recommendationId = latest.GetProperty("therapies")[0].GetProperty("recommendationId").GetGuid();
        var review = await Board.PostAsJsonAsync($"/api/recommendations/{recommendationId}/reviews", new { decision = "accepted", comment = "Agreed." });
        var signOff = await Board.PostAsJsonAsync($"/api/evaluations/{ingested.EvaluationId}/sign-off", new { comment = "MTB", acceptUnreviewed = true });
        var evaluate = await Board.PostAsync($"/api/patients/{patientId}/evaluations", null);

        Assert.Equal(HttpStatusCode.Created, review.StatusCode);
        Assert.Equal(HttpStatusCode.Created, signOff.StatusCode);
        Assert.Equal(HttpStatusCode.Created, evaluate.StatusCode);
        AssertConforms(await ReadJsonAsync(evaluate), "POST /api/patients/{id}/evaluations", EvaluationFields);
        var pending = await GetAsync<JsonElement>(Board, $"/api/patients/{patientId}/recommendations");
        AssertConforms(pending, "GET /api/patients/{id}/recommendations after sign-off", [.. EvaluationFields,
            "signedOffEvaluationId:id", "changesSinceSignOff:object",
            "changesSinceSignOff.therapies.added:array", "changesSinceSignOff.therapies.removed:array", "changesSinceSignOff.therapies.changed:array",
            "changesSinceSignOff.trials.added:array", "changesSinceSignOff.trials.removed:array", "changesSinceSignOff.trials.changed:array",
            "changesSinceSignOff.causes[].trigger:enum(ingestion|request|rematch)", "changesSinceSignOff.causes[].actor:string"]);
        Assert.Equal(ingested.EvaluationId, pending.GetProperty("signedOffEvaluationId").GetGuid());
        Assert.Equal("dr-board", pending.GetProperty("changesSinceSignOff").GetProperty("causes")[0].GetProperty("actor").GetString());
        AssertConforms(await GetAsync<JsonElement>(Board, $"/api/patients/{patientId}/audit"), "GET /api/patients/{id}/audit",
            "[].at:instant", "[].actor:string", "[].action:string", "[].entityType:string", "[].entityId:string", "[].details:object?");
        Assert.Equal("final", await ExportedReportStatusAsync(patientId, string.Empty));
        Assert.Equal("preliminary", await ExportedReportStatusAsync(patientId, "?evaluation=latest"));
    }

    [Fact]
    public async Task Trials_arm_lists_arm_status_changes_and_jobs_answer_every_contract_field()
    {
        var patientId = (await IngestAsync(Cases.SquamousLungPik3ca())).PatientId;

        var patch = await Coordinator.PatchAsJsonAsync("/api/trials/Lung-MAP/arms/S1400B", new { status = "open", reason = "Reopened by the sponsor." });

        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        AssertConforms(await GetAsync<JsonElement>(Coordinator, "/api/trials"), "GET /api/trials",
            "[].trialId:id", "[].nctId:string", "[].title:string", "[].arms[].armId:id", "[].arms[].title:string", "[].arms[].drugs:array",
            "[].arms[].status:enum(open|closed|suspended)");
        AssertConforms(await GetAsync<JsonElement>(Coordinator, "/api/trials/Lung-MAP"), "GET /api/trials/{trialId}",
            "trialId:id", "nctId:string", "title:string", "arms[].armId:id", "arms[].title:string", "arms[].drugs:array", "arms[].status:enum(open|closed|suspended)",
            "arms[].statusHistory[].changedBy:string", "arms[].statusHistory[].changedAt:instant", "arms[].statusHistory[].from:enum(open|closed|suspended)",
            "arms[].statusHistory[].to:enum(open|closed|suspended)", "arms[].statusHistory[].reason:string?");
        var page = await GetAsync<JsonElement>(Coordinator, "/api/trials/Lung-MAP/arms/S1400B/patients?page=1&pageSize=50");
        AssertConforms(page, "GET /api/trials/{trialId}/arms/{armId}/patients",
            "total:number", "armStatus:enum(open|closed|suspended)", "items[].patientId:id", "items[].identifiers[].system:string", "items[].identifiers[].value:string",
            "items[].tumorType.oncotreeCode:string", "items[].status:enum(eligible|potential)", "items[].criteria[].criterion:string",
            "items[].criteria[].result:enum(met|unmet|unknown)", "items[].evaluationId:id");
        Assert.Equal(patientId, page.GetProperty("items")[0].GetProperty("patientId").GetGuid());
        var jobId = (await GetAsync<JsonElement>(Coordinator, "/api/jobs"))[0].GetProperty("jobId").GetGuid();
        AssertConforms(await GetAsync<JsonElement>(Board, $"/api/jobs/{jobId}"), "GET /api/jobs/{jobId}",
            "jobId:id", "kind:string", "state:string", "done:number", "total:number", "startedAt:instant?", "finishedAt:instant?", "cause:string?");
    }

    [Theory]
    [InlineData(CtmlClient.Tmb, "application/json")]
    [InlineData(CtmlClient.NegatedYaml, "application/yaml")]
    [InlineData(CtmlClient.NegatedYaml, "application/x-yaml")]
    public async Task A_ctml_trial_posts_as_201_with_trialId_and_version_replaces_with_put_and_exports_as_json_by_default_and_yaml_when_asked(string fixture, string mediaType)
    {
        var post = await Coordinator.PostAsync("/api/trials", CtmlClient.Content(CtmlClient.Text(fixture), mediaType));

        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        var created = await ReadJsonAsync(post);
        AssertConforms(created, $"POST /api/trials ({mediaType}) 201", "trialId:id", "version:number");
        var trialId = created.GetProperty("trialId").GetString()!;
        var json = await Coordinator.GetAsync($"/api/trials/{trialId}/ctml");
        using var askYaml = new HttpRequestMessage(HttpMethod.Get, $"/api/trials/{trialId}/ctml");
        askYaml.Headers.Accept.ParseAdd(mediaType == "application/json" ? "application/yaml" : mediaType);
        var yaml = await Coordinator.SendAsync(askYaml);
        var exported = JsonNode.Parse(await json.Content.ReadAsStringAsync())!;
        exported["treatment_list"]!["step"]![0]!["arm"]![0]!["arm_suspended"] = "Y";
        var put = await Coordinator.PutAsync($"/api/trials/{trialId}", CtmlClient.Content(exported.ToJsonString(), "application/json"));

        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.Contains("yaml", yaml.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        AssertConforms(await ReadJsonAsync(put), "PUT /api/trials/{trialId}", "trialId:id", "version:number");
    }

    [Fact]
    public async Task A_subscription_answers_201_with_its_id_is_listed_and_its_arm_match_event_body_names_every_contract_field()
    {
        using var factory = App.WithWebHostBuilder(b => b
            .UseSetting("Subscriptions:AllowedCallbackHosts:0", "127.0.0.1")
            .UseSetting("Subscriptions:SenderEnabled", "false"));
        var token = factory.Services.GetRequiredService<TokenIssuer>();
        var coordinator = factory.CreateClient();
        coordinator.DefaultRequestHeaders.Authorization = new("Bearer", token.Issue("coordinator-1", [Roles.Trials]));
        var ingest = factory.CreateClient();
        ingest.DefaultRequestHeaders.Authorization = new("Bearer", token.Issue("ehr-integration", [Roles.Ingest]));
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PatchAsJsonAsync("/api/trials/Lung-MAP/arms/S1400B", new { status = "open" })).StatusCode);

        var subscribe = await coordinator.PostAsJsonAsync("/api/subscriptions",
            new { trialId = "Lung-MAP", armId = "S1400B", callbackUrl = "http://127.0.0.1:9/hook", secret = "s3cret-shared-with-the-trials-office" });
        var ingested = await ingest.PostAsync("/fhir/Bundle", FhirJson(Cases.SquamousLungPik3ca()));

        Assert.Equal(HttpStatusCode.Created, subscribe.StatusCode);
        Assert.Equal(HttpStatusCode.Created, ingested.StatusCode);
        var subscriptionId = (await ReadJsonAsync(subscribe)).GetProperty("subscriptionId").GetGuid();
        AssertConforms(await coordinator.GetFromJsonAsync<JsonElement>("/api/subscriptions", Json), "GET /api/subscriptions", "[].subscriptionId:id");
        AssertConforms(await coordinator.GetFromJsonAsync<JsonElement>($"/api/subscriptions/{subscriptionId}/deliveries", Json), "GET /api/subscriptions/{id}/deliveries",
            "[].eventId:id", "[].type:enum(arm.match)");
        var body = JsonDocument.Parse((await App.ScalarAsync<string>("SELECT body::text FROM outbox_messages WHERE subscription_id = @s", ("s", subscriptionId)))!).RootElement;
        AssertConforms(body, "the arm.match event body",
            "eventId:id", "type:enum(arm.match)", "trialId:id", "armId:id", "patientId:id", "status:enum(eligible|potential)", "evaluationId:id", "at:instant");
        Assert.Matches("^sha256=[0-9a-f]{64}$", WebhookSignature.Sign("s3cret-shared-with-the-trials-office", System.Text.Encoding.UTF8.GetBytes(body.GetRawText())));
        Assert.Equal(HttpStatusCode.OK, (await coordinator.DeleteAsync($"/api/subscriptions/{subscriptionId}")).StatusCode);
    }

    [Fact]
    public async Task The_knowledge_base_and_the_development_token_answer_every_contract_field()
    {
        AssertConforms(await GetAsync<JsonElement>(Board, "/api/knowledge-base"), "GET /api/knowledge-base",
            "version:string", "hash:string", "rules:number", "trials:number", "sources[].id:string");
        var token = await App.CreateClient().PostAsJsonAsync("/auth/dev-token", new { subject = "dr-a", roles = new[] { "board" } });
        AssertConforms(await ReadJsonAsync(token), "POST /auth/dev-token", "accessToken:string");
    }

    [Theory]
    [InlineData("/api/jobs?limit=0", "limit")]
    [InlineData("/api/jobs?limit=201", "limit")]
    [InlineData("/api/trials/Lung-MAP/arms/S1400B/patients?size=0", "size")]
    [InlineData("/api/trials/Lung-MAP/arms/S1400B/patients?size=501", "size")]
    [InlineData("/api/trials/Lung-MAP/arms/S1400B/patients?page=0&size=10", "page")]
    public async Task A_page_size_or_limit_out_of_range_is_a_400_naming_it_never_clamped(string url, string parameter)
    {
        var response = await Coordinator.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await ReadJsonAsync(response)).GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task The_arm_patient_list_takes_size_as_the_page_size()
    {
        foreach (var mrn in new[] { "MRN-SIZE-1", "MRN-SIZE-2" })
        {
            await IngestAsync(Cases.Patient(mrn, "LUSC", "Lung Squamous Cell Carcinoma", TestSite.Lung)
                .Therapy("carboplatin", Cases.Diagnosis.AddMonths(1), Cases.Diagnosis.AddMonths(5))
                .Report(new TestReport($"ACC-{mrn}", TestSite.Lung, Cases.Diagnosis, [new TestVariant("PIK3CA", "p.Glu545Lys", null, 0.25m)]))
                .ToJson());
        }

        var page = await GetAsync<JsonElement>(Coordinator, "/api/trials/Lung-MAP/arms/S1400B/patients?size=1");

        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.Equal(1, page.GetProperty("items").GetArrayLength());
        Assert.Equal(1, page.GetProperty("pageSize").GetInt32());
    }

    private static readonly string[] EvaluationFields =
    [
        "evaluationId:id", "patientId:id", "evaluatedAt:instant", "knowledgeBase.version:string", "knowledgeBase.hash:string",
        "tumorType.oncotreeCode:string", "tumorType.name:string",
        "therapies[].recommendationId:id", "therapies[].drugs[]:string", "therapies[].effect:enum(sensitive|resistant)",
        "therapies[].level:enum(1|2|3A|3B|4|R1|R2)", "therapies[].escat:string?", "therapies[].gene:string", "therapies[].alteration:string",
        "therapies[].alterationKey:string", "therapies[].sample:enum(metastasis|primary|both|ctdna)", "therapies[].emergent:boolean",
        "therapies[].tumorTypeMatch:enum(exact|ancestor|agnostic|other)", "therapies[].ruleId:string", "therapies[].citations[].type:enum(pmid|fda|nct|url)",
        "therapies[].citations[].id:string", "therapies[].rationale:string", "therapies[].review.status:string",
        "trials[].recommendationId:id", "trials[].trialId:id", "trials[].nctId:string", "trials[].armId:id", "trials[].armTitle:string", "trials[].drugs:array",
        "trials[].status:enum(eligible|potential|ineligible)", "trials[].armStatus:enum(open|closed|suspended)", "trials[].criteria[].criterion:string",
        "trials[].criteria[].result:enum(met|unmet|unknown)", "trials[].criteria[].detail:string?", "warnings:array",
    ];

    private async Task<string?> ExportedReportStatusAsync(Guid patientId, string query)
    {
        var bundle = await GetAsync<JsonElement>(Board, $"/fhir/Patient/{patientId}/$recommendations{query}");
        return bundle.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource"))
            .First(r => r.GetProperty("resourceType").GetString() == "DiagnosticReport").GetProperty("status").GetString();
    }
}
