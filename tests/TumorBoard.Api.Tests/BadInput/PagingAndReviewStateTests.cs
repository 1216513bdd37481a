using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.Tests.Infrastructure;

namespace TumorBoard.Api.Tests.BadInput;

/// <summary>Paging parameters out of range are 400 with the allowed range; a review of a signed-off evaluation is 409 whatever its body.</summary>
public sealed class PagingAndReviewStateTests(TumorBoardApp app) : ApiTest(app)
{
    private HttpClient Coordinator => App.CreateClient("coordinator-1", Roles.Trials);

    [Theory]
    [InlineData("page=2147483647", "page")]
    [InlineData("page=0", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("page=1000001", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=501", "pageSize")]
    [InlineData("page=2147483647&pageSize=500", "page")]
    public async Task An_arm_patient_page_out_of_range_is_400_problem_details_with_the_allowed_range(string query, string parameter)
    {
        var response = await Coordinator.GetAsync($"/api/trials/Lung-MAP/arms/S1400B/patients?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await ReadJsonAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.GetRawText());
        Assert.Equal(1, problem.GetProperty("allowed").GetProperty("page").GetProperty("minimum").GetInt32());
        Assert.Equal(500, problem.GetProperty("allowed").GetProperty("pageSize").GetProperty("maximum").GetInt32());
    }

    [Theory]
    [InlineData("page=1&pageSize=1")]
    [InlineData("page=1000000&pageSize=500")]
    public async Task The_edges_of_the_paging_range_are_answered(string query)
    {
        var response = await Coordinator.GetAsync($"/api/trials/Lung-MAP/arms/S1400B/patients?{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5001)]
    [InlineData(int.MaxValue)]
    public async Task An_audit_limit_out_of_range_is_400_problem_details(int limit)
    {
        var patientId = (await IngestAsync(Cases.SingleLungReport("MRN-AUDIT-LIMIT", "ACC-AUDIT-LIMIT"))).PatientId;

        var response = await Board.GetAsync($"/api/patients/{patientId}/audit?limit={limit}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("between 1 and 5000", (await ReadJsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"decision\":\"accepted\"}")]
    [InlineData("{\"decision\":\"rejected\"}")]
    [InlineData("{\"decision\":\"approved\"}")]
    [InlineData("{\"decision\":\"modified\"}")]
    public async Task A_review_of_a_signed_off_evaluation_is_409_whatever_the_body(string body)
    {
        var ingested = await IngestAsync(Cases.LungT790MAfterErlotinib());
        var evaluation = await GetAsync<JsonElement>(Board, $"/api/patients/{ingested.PatientId}/recommendations");
        var recommendationId = Therapies.Of(evaluation).First().GetProperty("recommendationId").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await Board.PostAsJsonAsync($"/api/evaluations/{ingested.EvaluationId}/sign-off", new { comment = "MTB", acceptUnreviewed = true })).StatusCode);

        var response = await Board.PostAsync($"/api/recommendations/{recommendationId}/reviews", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(0, await App.CountAsync("reviews"));
    }

    [Fact]
    public async Task A_review_of_an_unknown_recommendation_is_404_whatever_the_body()
    {
        var response = await Board.PostAsync($"/api/recommendations/{Guid.NewGuid()}/reviews", new StringContent("{\"decision\":\"rejected\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
