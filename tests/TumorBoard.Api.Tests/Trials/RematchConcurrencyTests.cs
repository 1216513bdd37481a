using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TumorBoard.Api.Features.Rematch;
using TumorBoard.Api.ReadModels;
using TumorBoard.Api.Tests.Infrastructure;
using TumorBoard.Persistence;

namespace TumorBoard.Api.Tests.Trials;

public sealed class RematchConcurrencyTests(TumorBoardApp app) : ApiTest(app)
{
    [Fact]
    public async Task Given_a_patient_re_evaluated_while_a_rematch_batch_was_built_then_the_batch_does_not_make_its_older_evaluation_latest()
    {
        var ingested = await IngestAsync(Cases.SquamousLungPik3ca());
        var rematcher = App.Services.GetRequiredService<Rematcher>();
        TrialContext trials;
        using (var scope = App.Services.CreateScope())
        {
            trials = await scope.ServiceProvider.GetRequiredService<TrialContextProvider>().GetAsync(CancellationToken.None);
        }

        var batch = await rematcher.EvaluateBatchAsync([ingested.PatientId], trials, CancellationToken.None);
        var concurrent = await Board.PostAsync($"/api/patients/{ingested.PatientId}/evaluations", null);
        var concurrentId = (await ReadJsonAsync(concurrent)).GetProperty("evaluationId").GetGuid();

        await rematcher.WriteBatchAsync([ingested.PatientId], batch, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Created, concurrent.StatusCode);
        var latest = await GetAsync<JsonElement>(Board, $"/api/patients/{ingested.PatientId}/recommendations");
        Assert.Equal(concurrentId, latest.GetProperty("evaluationId").GetGuid());
        Assert.Equal(2, await App.CountAsync("evaluations"));
        using var check = App.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<TumorBoardDbContext>();
        var latestRows = db.LatestTrialRecommendations.Select(l => l.RecommendationId);
        var latestEvaluations = db.Recommendations.Where(r => latestRows.Contains(r.Id)).Select(r => r.EvaluationId).Distinct().ToList();
        Assert.Equal([concurrentId], latestEvaluations);
        Assert.Equal(0, await App.CountAsync(Db.LatestRowsDrift));
    }
}
