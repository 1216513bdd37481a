using TumorBoard.Core.Rules;
using TumorBoard.KnowledgeBase.Rules;

namespace TumorBoard.KnowledgeBase.Tests;

public class ShippedKnowledgeBaseTests
{
    private static readonly Lazy<Core.Rules.KnowledgeBase> Shipped = new(() => KnowledgeBaseLoader.LoadEmbedded(TestVocabulary.OncoTree, TestVocabulary.Drugs));

    [Fact]
    public void Embedded_knowledge_base_loads_one_rule_per_therapy_of_every_shipped_entry()
    {
        var kb = Shipped.Value;
        var therapies = Directory.GetFiles(Path.Combine(TestVocabulary.ShippedDataDirectory, "rules"), "*.json")
            .SelectMany(f => System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(f), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!["rules"]!.AsArray())
            .Sum(entry => entry!["therapies"]!.AsArray().Count);

        Assert.True(therapies > 200, $"the shipped rule files list only {therapies} therapies");
        Assert.Equal(therapies, kb.Rules.Count);
        Assert.Equal("1.2.0", kb.Version);
        Assert.Matches("^[0-9a-f]{64}$", kb.ContentHash);
    }

    [Fact]
    public void Every_rule_has_a_citation_a_rationale_and_drugs()
    {
        foreach (var rule in Shipped.Value.Rules)
        {
            Assert.True(rule.Citations.Count > 0, $"{rule.Id} has no citation");
            Assert.False(string.IsNullOrWhiteSpace(rule.Rationale), $"{rule.Id} has no rationale");
            Assert.NotEmpty(rule.Drugs);
        }
    }

    [Fact]
    public void Rule_ids_are_unique()
    {
        var ids = Shipped.Value.Rules.Select(r => r.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Embedded_and_directory_loads_give_the_same_hash_and_rules()
    {
        var fromDirectory = KnowledgeBaseLoader.LoadFromDirectory(TestVocabulary.ShippedDataDirectory, TestVocabulary.OncoTree, TestVocabulary.Drugs);

        Assert.Equal(Shipped.Value.ContentHash, fromDirectory.ContentHash);
        Assert.Equal(Shipped.Value.Rules.Select(r => r.Id), fromDirectory.Rules.Select(r => r.Id));
    }

    [Fact]
    public void Resistance_rules_carry_resistance_levels_and_sensitivity_rules_do_not()
    {
        foreach (var rule in Shipped.Value.Rules)
        {
            Assert.Equal(rule.Effect == TherapyEffect.Resistant, rule.Level.IsResistance());
        }
    }

    [Fact]
    public void Knowledge_base_lists_its_sources_with_licences()
    {
        var sources = Shipped.Value.Sources;

        Assert.Contains(sources, s => s.Id == "civic" && s.License == "CC0 1.0");
        Assert.Contains(sources, s => s.Id == "oncotree" && s.License == "CC BY 4.0");
    }
}
