using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.Tests.Infrastructure;

namespace TumorBoard.Api.Tests.KnowledgeBase;

public sealed class KnowledgeBaseStampTests(TumorBoardApp app) : ApiTest(app)
{
    [Fact]
    public async Task The_knowledge_base_stamp_counts_trials_as_trials_and_arms_as_arms()
    {
        var loaded = App.Services.GetRequiredService<Knowledge>().Trials.Trials;

        var stamp = await App.CreateClient("coordinator", Roles.Trials).GetFromJsonAsync<JsonElement>("/api/knowledge-base");

        Assert.Equal(loaded.Count, stamp.GetProperty("trials").GetInt32());
        Assert.Equal(loaded.Sum(t => t.Arms.Count), stamp.GetProperty("arms").GetInt32());
        Assert.True(stamp.GetProperty("arms").GetInt32() > stamp.GetProperty("trials").GetInt32(), "the shipped packs have several arms per trial");
    }
}
