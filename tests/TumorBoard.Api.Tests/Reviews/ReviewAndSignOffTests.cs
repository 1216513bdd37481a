using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.Tests.Infrastructure;

namespace TumorBoard.Api.Tests.Reviews;

public sealed class ReviewAndSignOffTests(TumorBoardApp app) : ApiTest(app)
{
    private async Task<(Guid PatientId, Guid EvaluationId, Guid RecommendationId)> CaseWithARecommendationAsync()
    {
        var ingested = await IngestAsync(Cases.LungT790MAfterErlotinib());
        var evaluation = await GetAsync<JsonElement>(Board, $"/api/patients/{ingested.PatientId}/recommendations");
        var recommendation = Therapies.For(evaluation, "osimertinib").First().GetProperty("recommendationId").GetGuid();
        return (ingested.PatientId, ingested.EvaluationId!.Value, recommendation);
    }

    [Fact]
    public async Task An_accepted_review_is_visible_on_the_recommendation()
    {
        var (_, evaluationId, recommendationId) = await CaseWithARecommendationAsync();

        var response = await Board.PostAsJsonAsync($"/api/recommendations/{recommendationId}/reviews", new { decision = "accepted", comment = "Start osimertinib." });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var evaluation = await GetAsync<JsonElement>(Board, $"/api/evaluations/{evaluationId}");
        var review = Therapies.Of(evaluation).Single(t => t.GetProperty("recommendationId").GetGuid() == recommendationId).GetProperty("review");
        Assert.Equal("accepted", review.GetProperty("status").GetString());
        Assert.Equal("dr-board", review.GetProperty("reviewer").GetString());
    }

    [Theory]
    [InlineData("approved", null, null)]
    [InlineData("rejected", null, null)]
    [InlineData("modified", "Use another drug.", null)]
    [InlineData("accepted", null, "osimertinib")]
    public async Task An_invalid_decision_is_422_problem_details(string decision, string? comment, string? drug)
    {
        var (_, _, recommendationId) = await CaseWithARecommendationAsync();

        var response = await Board.PostAsJsonAsync($"/api/recommendations/{recommendationId}/reviews",
            new { decision, comment, drugs = drug is null ? null : new[] { drug } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(0, await App.CountAsync("reviews"));
    }

    [Fact]
    public async Task A_signed_off_evaluation_takes_no_more_reviews_and_no_second_sign_off()
    {
        var (_, evaluationId, recommendationId) = await CaseWithARecommendationAsync();
        await Board.PostAsJsonAsync($"/api/recommendations/{recommendationId}/reviews", new { decision = "modified", comment = "Trial first.", drugs = new[] { "osimertinib" } });

        var signOff = await Board.PostAsJsonAsync($"/api/evaluations/{evaluationId}/sign-off", new { comment = "Board 2026-11-29", acceptUnreviewed = true });
        var lateReview = await Board.PostAsJsonAsync($"/api/recommendations/{recommendationId}/reviews", new { decision = "accepted" });
        var secondSignOff = await Board.PostAsJsonAsync($"/api/evaluations/{evaluationId}/sign-off", new { comment = "again", acceptUnreviewed = true });

        Assert.Equal(HttpStatusCode.Created, signOff.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, lateReview.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, secondSignOff.StatusCode);
        Assert.Equal(1, await App.CountAsync("reviews"));
        var evaluation = await GetAsync<JsonElement>(Board, $"/api/evaluations/{evaluationId}");
        Assert.Equal("dr-board", evaluation.GetProperty("signOff").GetProperty("actor").GetString());
    }

    [Fact]
    public async Task A_trial_coordinator_cannot_review_or_sign_off()
    {
        var (_, evaluationId, recommendationId) = await CaseWithARecommendationAsync();
        var coordinator = App.CreateClient("coordinator-1", Roles.Trials);

        var review = await coordinator.PostAsJsonAsync($"/api/recommendations/{recommendationId}/reviews", new { decision = "accepted" });
        var signOff = await coordinator.PostAsJsonAsync($"/api/evaluations/{evaluationId}/sign-off", new { comment = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, review.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, signOff.StatusCode);
    }

    [Fact]
    public async Task Every_action_on_a_patient_is_in_its_audit_trail_newest_first_with_the_token_subject()
    {
        var (patientId, evaluationId, recommendationId) = await CaseWithARecommendationAsync();
        await Board.PostAsJsonAsync($"/api/recommendations/{recommendationId}/reviews", new { decision = "accepted" });
        await Board.PostAsJsonAsync($"/api/evaluations/{evaluationId}/sign-off", new { comment = "done", acceptUnreviewed = true });
        await Board.GetAsync($"/api/patients/{patientId}");

        var audit = await GetAsync<JsonElement>(Board, $"/api/patients/{patientId}/audit");

        var actions = audit.EnumerateArray().Select(a => a.GetProperty("action").GetString()).ToList();
        Assert.Equal("read", actions[0]);
        Assert.Equal(["ingestion", "evaluation", "read", "review", "sign-off", "read"], actions.AsEnumerable().Reverse().ToList());
        Assert.Equal("ehr-integration", audit.EnumerateArray().Last().GetProperty("actor").GetString());
        Assert.Equal("dr-board", audit[0].GetProperty("actor").GetString());
        Assert.DoesNotContain("MRN-T790M", audit.GetRawText(), StringComparison.Ordinal);
    }
}
