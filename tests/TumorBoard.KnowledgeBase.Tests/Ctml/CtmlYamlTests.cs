using System.Text.Json.Nodes;
using TumorBoard.KnowledgeBase.Ctml;
using TumorBoard.KnowledgeBase.Tests.Trials;
using static TumorBoard.KnowledgeBase.Tests.Ctml.CtmlFixtures;

namespace TumorBoard.KnowledgeBase.Tests.Ctml;

/// <summary>The YAML export reads back as the same document, so a curator can edit it and post it again.</summary>
public sealed class CtmlYamlTests
{
    private static CtmlExporter Exporter => new(Vocabulary.OncoTree);

    [Theory]
    [MemberData(nameof(Names))]
    public void Yaml_export_of_an_imported_trial_reads_back_as_the_same_document(string name)
    {
        var exported = Exporter.Export(Trial(name), Document(name));

        var (root, problem) = CtmlText.Parse(CtmlYaml.Write(exported), yaml: true);

        Assert.Null(problem);
        Assert.Equal(exported.ToJsonString(), root!.ToJsonString());
    }

    public static TheoryData<string> Names() => [.. All];

    [Fact]
    public void A_shipped_trial_reads_back_from_yaml_unchanged_too()
    {
        var exported = Exporter.Export(TrialPacks.Catalog.Find("NCI-MATCH")!, null);

        var (root, _) = CtmlText.Parse(CtmlYaml.Write(exported), yaml: true);

        Assert.Equal(exported.ToJsonString(), root!.ToJsonString());
    }

    [Fact]
    public void Strings_that_yaml_would_read_as_booleans_or_numbers_stay_text()
    {
        var document = new JsonObject { ["arm_suspended"] = "N", ["age"] = ">=18", ["protocol_no"] = "10-005", ["code"] = "2", ["tmb"] = 10, ["flag"] = true, ["none"] = null };

        var yaml = CtmlYaml.Write(document);
        var (root, _) = CtmlText.Parse(yaml, yaml: true);

        Assert.Contains("\"arm_suspended\": \"N\"", yaml, StringComparison.Ordinal);
        Assert.Equal(document.ToJsonString(), root!.ToJsonString());
    }
}
