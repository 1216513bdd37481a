using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.Tests.Infrastructure;

namespace TumorBoard.Api.Tests.Reviews;

public sealed class EvaluationImmutabilityTests(TumorBoardApp app) : ApiTest(app)
{
    [Fact]
    public async Task Given_a_new_knowledge_base_then_old_evaluations_read_the_same_and_the_new_one_records_what_changed()
    {
        var ingested = await IngestAsync(Cases.LungT790MAfterErlotinib());
        var before = await (await Board.GetAsync($"/api/evaluations/{ingested.EvaluationId}")).Content.ReadAsStringAsync();
        var loaded = App.Services.GetRequiredService<Knowledge>();
        var removed = loaded.Rules.Rules.First(r => r.Id.StartsWith("LUNG-EGFR-T790M", StringComparison.Ordinal)).Id;
        var changed = Knowledge.From(loaded.Vocabulary, loaded.Rules with
        {
            Version = "test-next",
            ContentHash = "changed-for-test",
            Rules = loaded.Rules.Rules.Where(r => r.Id != removed).ToList(),
        }, loaded.Trials);
        using var nextRelease = App.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(changed)));
        var board = nextRelease.CreateClient();
        board.DefaultRequestHeaders.Authorization = Board.DefaultRequestHeaders.Authorization;

        var created = await board.PostAsync($"/api/patients/{ingested.PatientId}/evaluations", null);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var next = await ReadJsonAsync(created);
        Assert.Equal("test-next", next.GetProperty("knowledgeBase").GetProperty("version").GetString());
        Assert.Contains(next.GetProperty("changes").GetProperty("lost").EnumerateArray(), l => l.GetString()!.StartsWith(removed, StringComparison.Ordinal));
        var after = await (await board.GetAsync($"/api/evaluations/{ingested.EvaluationId}")).Content.ReadAsStringAsync();
        Assert.Equal(before, after);
        Assert.NotEqual("test-next", JsonDocument.Parse(after).RootElement.GetProperty("knowledgeBase").GetProperty("version").GetString());
    }
}
