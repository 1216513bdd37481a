using TumorBoard.Api.Tests.Infrastructure;

namespace TumorBoard.Api.Tests.Architecture;

/// <summary>
/// Features depend on shared read models and on a few base features, never in a circle: a change to one feature
/// can then be understood (and tested) from what it depends on. docs/architecture.md shows the graph.
/// </summary>
public sealed class FeatureGraphTests
{

    private static readonly FeatureGraph Graph = FeatureGraph.Read(Path.Combine(RepositoryRoot.Path, "src", "TumorBoard.Api"));

    [Fact]
    public void The_feature_dependency_graph_has_no_cycle()
    {
        Assert.True(Graph.FindCycle() is null, $"feature cycle: {Graph.FindCycle()}");
    }

    [Fact]
    public void The_shared_read_models_depend_on_no_feature_but_the_loaded_knowledge()
    {
        Assert.Equal(["KnowledgeBase"], Graph.Edges[FeatureGraph.ReadModels]);
    }

    [Fact]
    public void No_feature_depends_on_the_board_pages()
    {
        Assert.DoesNotContain(Graph.Edges, e => e.Value.Contains("Board"));
    }

    [Fact]
    public void The_cycle_finder_finds_a_cycle_when_there_is_one()
    {
        var directory = Directory.CreateTempSubdirectory("feature-graph-");
        try
        {
            Write(directory, "Features/A/A.cs", "using TumorBoard.Api.Features.B;");
            Write(directory, "Features/B/B.cs", "using TumorBoard.Api.ReadModels;");
            Write(directory, "ReadModels/R.cs", "var x = new TumorBoard.Api.Features.A.Thing();");

            Assert.Equal("A -> B -> ReadModels -> A", FeatureGraph.Read(directory.FullName).FindCycle());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void No_board_page_or_feature_calls_another_features_endpoint_class()
    {
        Assert.True(Graph.EndpointReferences.Count == 0, $"use the feature's query or command class instead: {string.Join("; ", Graph.EndpointReferences)}");
    }

    [Fact]
    public void The_endpoint_check_finds_a_page_or_feature_that_calls_another_features_endpoint_class()
    {
        var directory = Directory.CreateTempSubdirectory("feature-graph-");
        try
        {
            Write(directory, "Features/Trials/TrialsApi.cs", "public static class TrialsApi { }");
            Write(directory, "Features/Trials/TrialCatalogQuery.cs", "var list = TrialsApi.ListAsync(db, ct); // the feature's own endpoint class");
            Write(directory, "Features/Board/Pages/Arm.cshtml.cs", "var trials = await TrialsApi.ListAsync(db, knowledge, ct);");
            Write(directory, "Features/Board/Pages/Trials.cshtml.cs", "var trials = await catalog.ListAsync(ct); // MyTrialsApiClient is another name");
            Write(directory, "Features/Rematch/Scope.cs", "var json = TrialsApi.Json;");
            Write(directory, "ReadModels/R.cs", "");

            Assert.Equal(
                ["Board -> TrialsApi (Features/Board/Pages/Arm.cshtml.cs)", "Rematch -> TrialsApi (Features/Rematch/Scope.cs)"],
                FeatureGraph.Read(directory.FullName).EndpointReferences);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_architecture_document_shows_the_current_graph()
    {
        var document = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "architecture.md")).ReplaceLineEndings("\n");

        Assert.True(document.Contains(Graph.ToMermaid(), StringComparison.Ordinal), $"docs/architecture.md should show the feature graph as:\n{Graph.ToMermaid()}");
    }

    private static void Write(DirectoryInfo root, string path, string text)
    {
        var file = Path.Combine(root.FullName, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
    }
}
