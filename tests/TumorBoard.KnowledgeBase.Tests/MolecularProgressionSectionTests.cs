using System.Text;
using TumorBoard.Core.Evolution;
using TumorBoard.KnowledgeBase.Rules;

namespace TumorBoard.KnowledgeBase.Tests;

public class MolecularProgressionSectionTests
{
    private const string Rule = """
        { "rules": [ {
          "id": "T-ESR1-LBD",
          "biomarker": { "kind": "protein", "gene": "ESR1", "change": "Y537S" },
          "tumor": { "include": ["BRCA"] },
          "effect": "sensitive",
          "level": "1",
          "therapies": [{ "drugs": ["elacestrant"] }],
          "citations": [{ "type": "pmid", "id": "35584336" }],
          "rationale": "test"
        } ] }
        """;

    private static string Manifest(string watches, string classes = "aromatase-inhibitor") => $$"""
        {
          "version": "test-1",
          "sources": [{ "id": "civic", "name": "CIViC" }],
          "molecularProgression": {
            "limitOfDetectionVaf": 0.005,
            "limitOfDetectionSource": "test",
            "rules": [
              { "id": "PADA-1", "description": "rising ESR1", "watches": ["{{watches}}"], "resists": { "classes": ["{{classes}}"] },
                "trigger": "appearanceOrIncrease", "clonalHaematopoiesis": "suppress", "citations": [{ "type": "pmid", "id": "36183733" }] },
              { "id": "resistance-appearance", "description": "any resistance", "trigger": "appearance", "clonalHaematopoiesis": "suppress" }
            ]
          }
        }
        """;

    private static Core.Rules.KnowledgeBase Load(string manifest) => KnowledgeBaseLoader.Load(
        [new KnowledgeBaseFile(KnowledgeBaseLoader.ManifestPath, Encoding.UTF8.GetBytes(manifest)), new KnowledgeBaseFile("rules/test.json", Encoding.UTF8.GetBytes(Rule))],
        TestVocabulary.OncoTree,
        TestVocabulary.Drugs);

    [Fact]
    public void A_progression_rule_resolves_its_drug_class_and_watches_a_rule_by_its_file_id()
    {
        var progression = Load(Manifest("T-ESR1-LBD")).MolecularProgression;

        var pada = progression.Rules[0];
        Assert.Equal(0.005m, progression.LimitOfDetectionVaf);
        Assert.Contains("letrozole", pada.Drugs!);
        Assert.True(pada.Watches("T-ESR1-LBD/elacestrant"));
        Assert.Equal(ProgressionTrigger.AppearanceOrIncrease, pada.Trigger);
        Assert.Null(progression.Rules[1].Drugs);
    }

    [Fact]
    public void A_progression_rule_watching_an_unknown_rule_or_drug_class_fails_the_load_naming_it()
    {
        var unknownRule = Assert.Throws<KnowledgeBaseLoadException>(() => Load(Manifest("NO-SUCH-RULE"))).Errors;
        var unknownClass = Assert.Throws<KnowledgeBaseLoadException>(() => Load(Manifest("T-ESR1-LBD", "no-such-class"))).Errors;

        Assert.Contains(unknownRule, e => e.Reason.Contains("'NO-SUCH-RULE', which is not a rule", StringComparison.Ordinal));
        Assert.Contains(unknownClass, e => e.Reason.Contains("'no-such-class' is not a drug class", StringComparison.Ordinal));
    }

    [Fact]
    public void The_shipped_knowledge_base_watches_ESR1_under_aromatase_inhibitors_and_RAS_under_anti_EGFR()
    {
        var progression = KnowledgeBaseLoader.LoadEmbedded(TestVocabulary.OncoTree, TestVocabulary.Drugs).MolecularProgression;

        Assert.Equal(["PADA-1", "anti-EGFR-RAS-ctDNA", "resistance-appearance"], progression.Rules.Select(r => r.Id));
        Assert.Equal(["anastrozole", "exemestane", "letrozole"], progression.Rules[0].Drugs!.Order(StringComparer.Ordinal));
        Assert.Equal("36183733", progression.Rules[0].Citations[0].Id);
        Assert.Equal(ClonalHaematopoiesisHandling.Caveat, progression.Rules[1].ClonalHaematopoiesis);
    }
}
