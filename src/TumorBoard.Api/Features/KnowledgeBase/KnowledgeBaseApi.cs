using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TumorBoard.Api.Infrastructure;

namespace TumorBoard.Api.Features.KnowledgeBase;

public sealed record KnowledgeSourceDto(string Id, string Name, string? Url, string? License, string? Note);

public sealed record VocabularyStampDto(string Version, string Hash, string OncoTreeVersion);

public sealed record KnowledgeBaseDto(
    string Version,
    string Hash,
    int Rules,
    int Trials,
    string TrialsVersion,
    string TrialsHash,
    IReadOnlyList<KnowledgeSourceDto> Sources,
    VocabularyStampDto Vocabulary)
{
    /// <summary>Trial arms across all trials (a trial has one or more arms; <see cref="Trials"/> counts trials).</summary>
    public int Arms { get; init; }
}

/// <summary>What knowledge the service evaluates with, so a board can cite the exact version.</summary>
public static class KnowledgeBaseApi
{
    public static IServiceCollection AddKnowledge(this IServiceCollection services)
    {
        // KnowledgeBase:Civic:Enabled=false leaves the CIViC layer out (docs/knowledge-base.md "CIViC layer").
        services.AddSingleton(sp => Knowledge.LoadEmbedded(sp.GetRequiredService<IConfiguration>().GetValue("KnowledgeBase:Civic:Enabled", true)));
        services.AddHealthChecks().AddCheck<KnowledgeHealthCheck>("knowledge-base", tags: ["ready"]);
        return services;
    }

    public static IEndpointRouteBuilder MapKnowledgeBase(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/knowledge-base", Get)
            .WithTags("Knowledge base")
            .WithSummary("Version, content hash, rule and trial counts and sources of the loaded knowledge base")
            .RequireAuthorization(Policies.ReadTrials);
        return routes;
    }

    private static Ok<KnowledgeBaseDto> Get(Knowledge knowledge) => TypedResults.Ok(new KnowledgeBaseDto(
        knowledge.Rules.Version,
        knowledge.Rules.ContentHash,
        knowledge.Rules.Rules.Count,
        knowledge.Trials.Trials.Count,
        knowledge.Trials.Version,
        knowledge.Trials.ContentHash,
        knowledge.Rules.Sources.Select(s => new KnowledgeSourceDto(s.Id, s.Name, s.Url, s.License, s.Note)).ToList(),
        new VocabularyStampDto(knowledge.Vocabulary.Version, knowledge.Vocabulary.ContentHash, knowledge.Vocabulary.OncoTree.Version))
    {
        Arms = knowledge.Trials.Trials.Sum(t => t.Arms.Count),
    });
}

/// <summary>Ready once the knowledge base has loaded (it loads at start-up, so this reports its version).</summary>
internal sealed class KnowledgeHealthCheck(Knowledge knowledge) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(HealthCheckResult.Healthy($"knowledge base {knowledge.Rules.Version} ({knowledge.Rules.Rules.Count} rules)"));
}
