using System.Text;
using TumorBoard.KnowledgeBase.Rules;
using TumorBoard.KnowledgeBase.Trials;
using TumorBoard.KnowledgeBase.Vocabularies;

namespace TumorBoard.KnowledgeBase.Tests.Genes;

/// <summary>Genes by stable HGNC id: renames since the 2019 snapshot resolve, and rules or trials naming an unresolvable gene do not load.</summary>
public class GeneIdentityTests
{
    private const string Manifest = """{ "version": "t", "sources": [{ "id": "civic", "name": "CIViC" }] }""";

    [Theory]
    [InlineData("H3-3A")]
    [InlineData("H3F3A")]
    [InlineData("HGNC:4764")]
    [InlineData("h3f3a")]
    public void The_histone_H3_3A_gene_resolves_to_its_current_symbol_by_any_name_or_its_HGNC_id(string name)
    {
        Assert.Equal("H3-3A", VocabularyLoader.LoadEmbedded().Genes.Resolve(name).Symbol);
    }

    [Theory]
    [InlineData("HIST1H3B", "H3C2")]
    [InlineData("HIST1H3C", "H3C3")]
    [InlineData("SEPT9", "SEPTIN9")]
    [InlineData("MARCH1", "MARCHF1")]
    [InlineData("EGFR", "EGFR")]
    public void Symbols_renamed_since_2019_resolve_to_the_current_symbol(string name, string current)
    {
        Assert.Equal(current, VocabularyLoader.LoadEmbedded().Genes.Resolve(name).Symbol);
    }

    [Fact]
    public void The_shipped_rules_and_trials_name_only_current_approved_symbols()
    {
        var vocabulary = VocabularyLoader.LoadEmbedded();

        var rules = GeneReferences.LoadRules(vocabulary);
        var trials = GeneReferences.CheckTrials(vocabulary, TrialLoader.LoadEmbedded(vocabulary.OncoTree, vocabulary.Drugs));

        Assert.Contains(rules.Rules, r => GeneReferences.Genes(r.Biomarker).Contains("H3-3A"));
        Assert.NotEmpty(trials.Trials);
    }

    [Theory]
    [InlineData("H3F3A", "use H3-3A")]
    [InlineData("NOTAGENE1", "is not an HGNC-approved symbol")]
    [InlineData("HER2", "use ERBB2")]
    public void A_rule_naming_a_previous_symbol_an_alias_or_an_unknown_gene_fails_to_load(string gene, string reason)
    {
        var vocabulary = VocabularyLoader.LoadEmbedded();
        var rule = $$"""
            { "rules": [ {
              "id": "T-GENE", "biomarker": { "kind": "protein", "gene": "{{gene}}", "change": "K28M" },
              "tumor": { "include": ["DMG"] }, "effect": "sensitive", "level": "1",
              "therapies": [{ "drugs": ["dordaviprone"] }], "citations": [{ "type": "pmid", "id": "38335473" }], "rationale": "test" } ] }
            """;
        var rules = KnowledgeBaseLoader.Load(
            [new KnowledgeBaseFile("rules/t.json", Encoding.UTF8.GetBytes(rule)), new KnowledgeBaseFile(KnowledgeBaseLoader.ManifestPath, Encoding.UTF8.GetBytes(Manifest))],
            vocabulary.OncoTree,
            vocabulary.Drugs);

        var error = Assert.Single(Assert.Throws<KnowledgeBaseLoadException>(() => GeneReferences.CheckRules(vocabulary, rules)).Errors);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }
}
