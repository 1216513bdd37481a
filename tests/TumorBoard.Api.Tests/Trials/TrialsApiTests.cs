using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TumorBoard.Api.Features.Rematch;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.Tests.Infrastructure;

namespace TumorBoard.Api.Tests.Trials;

public sealed class TrialsApiTests(TumorBoardApp app) : ApiTest(app)
{
    private HttpClient Coordinator => App.CreateClient("coordinator-1", Roles.Trials);

    [Fact]
    public async Task The_catalog_lists_the_trial_packs_with_their_arms()
    {
        var trials = await GetAsync<JsonElement>(Coordinator, "/api/trials");

        var ids = trials.EnumerateArray().Select(t => t.GetProperty("trialId").GetString()).ToList();
        Assert.Equal(["BATTLE-2", "DARWIN1", "DARWIN2", "I-SPY2", "Lung-MAP", "NCI-MATCH", "NCI-MPACT", "NLMT", "PADA-1", "SAFIR02-Breast", "SAFIR02-Lung", "SHIVA01"], ids.Order(StringComparer.Ordinal));
        var match = trials.EnumerateArray().Single(t => t.GetProperty("trialId").GetString() == "NCI-MATCH");
        Assert.Equal("NCT02465060", match.GetProperty("nctId").GetString());
        Assert.Contains(match.GetProperty("arms").EnumerateArray(), a => a.GetProperty("armId").GetString() == "H");
    }

    [Fact]
    public async Task Given_squamous_NSCLC_with_PIK3CA_then_the_patient_is_listed_for_Lung_MAP_S1400B_with_a_criteria_trace()
    {
        var ingested = await IngestAsync(Cases.SquamousLungPik3ca());

        var page = await GetAsync<JsonElement>(Coordinator, "/api/trials/Lung-MAP/arms/S1400B/patients");

        Assert.Equal(1, page.GetProperty("total").GetInt32());
        var item = page.GetProperty("items")[0];
        Assert.Equal(ingested.PatientId, item.GetProperty("patientId").GetGuid());
        Assert.Contains(item.GetProperty("status").GetString(), new[] { "eligible", "potential" });
        Assert.NotEmpty(item.GetProperty("criteria").EnumerateArray());
        var evaluation = await GetAsync<JsonElement>(Board, $"/api/patients/{ingested.PatientId}/recommendations");
        Assert.Contains(evaluation.GetProperty("trials").EnumerateArray(), t => t.GetProperty("trialId").GetString() == "Lung-MAP" && t.GetProperty("armId").GetString() == "S1400B");
    }

    [Fact]
    public async Task An_arm_status_change_shows_in_every_later_read_without_reingesting()
    {
        var ingested = await IngestAsync(Cases.SquamousLungPik3ca());

        var response = await Coordinator.PatchAsJsonAsync("/api/trials/Lung-MAP/arms/S1400B", new { status = "suspended" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var trial = await GetAsync<JsonElement>(Coordinator, "/api/trials/Lung-MAP");
        Assert.Equal("suspended", trial.GetProperty("arms").EnumerateArray().Single(a => a.GetProperty("armId").GetString() == "S1400B").GetProperty("status").GetString());
        var evaluation = await GetAsync<JsonElement>(Board, $"/api/patients/{ingested.PatientId}/recommendations");
        var arm = evaluation.GetProperty("trials").EnumerateArray().Single(t => t.GetProperty("armId").GetString() == "S1400B");
        Assert.Equal("suspended", arm.GetProperty("armStatus").GetString());
    }

    [Fact]
    public async Task A_board_member_cannot_change_an_arm_status_and_a_bad_status_is_422()
    {
        var forbidden = await Board.PatchAsJsonAsync("/api/trials/Lung-MAP/arms/S1400B", new { status = "open" });
        var invalid = await Coordinator.PatchAsJsonAsync("/api/trials/Lung-MAP/arms/S1400B", new { status = "paused" });
        var unknown = await Coordinator.PatchAsJsonAsync("/api/trials/Lung-MAP/arms/NOPE", new { status = "open" });

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task After_an_arm_status_change_the_rematch_re_evaluates_each_patient_once_and_records_the_trigger()
    {
        var ingested = await IngestAsync(Cases.SquamousLungPik3ca());
        await Coordinator.PatchAsJsonAsync("/api/trials/Lung-MAP/arms/S1400B", new { status = "open" });
        var rematcher = App.Services.GetRequiredService<Rematcher>();

        var first = await rematcher.RunAsync(batchSize: 10, CancellationToken.None);
        var second = await rematcher.RunAsync(batchSize: 10, CancellationToken.None);

        Assert.Equal(1, first.Patients);
        Assert.Equal(0, second.Patients);
        var evaluation = await GetAsync<JsonElement>(Board, $"/api/patients/{ingested.PatientId}/recommendations");
        Assert.Equal("rematch", evaluation.GetProperty("trigger").GetString());
        Assert.Equal(ingested.EvaluationId, evaluation.GetProperty("previousEvaluationId").GetGuid());
        var page = await GetAsync<JsonElement>(Coordinator, "/api/trials/Lung-MAP/arms/S1400B/patients");
        Assert.Equal(1, page.GetProperty("total").GetInt32());
    }
}
