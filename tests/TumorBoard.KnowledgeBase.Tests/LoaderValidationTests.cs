using System.Text;
using TumorBoard.KnowledgeBase.Rules;

namespace TumorBoard.KnowledgeBase.Tests;

public class LoaderValidationTests
{
    private const string Manifest = """
        {
          "version": "test-1",
          "sources": [{ "id": "civic", "name": "CIViC" }]
        }
        """;

    private const string ValidRule = """
            {
              "id": "T-EGFR-L858R",
              "biomarker": { "kind": "protein", "gene": "EGFR", "change": "L858R" },
              "tumor": { "include": ["NSCLC"] },
              "effect": "sensitive",
              "level": "1",
              "therapies": [{ "drugs": ["osimertinib"] }],
              "citations": [{ "type": "pmid", "id": "24868098" }],
              "rationale": "test"
            }
        """;

    [Fact]
    public void Valid_files_load_and_expand_one_rule_per_therapy()
    {
        var kb = Load(RuleFile(ValidRule));

        var rule = Assert.Single(kb.Rules);
        Assert.Equal("T-EGFR-L858R/osimertinib", rule.Id);
        Assert.Equal("rules/test.json:9", rule.Origin);
        Assert.Equal("test-1", kb.Version);
    }

    [Fact]
    public void Malformed_json_is_reported_with_its_file_and_line()
    {
        var error = Assert.Single(Errors(("rules/broken.json", "{\n  \"rules\": [\n    { \"id\": \"X\" \n    \"level\": \"1\" }\n  ]\n}")));

        Assert.Equal("rules/broken.json", error.File);
        Assert.Equal(4, error.Line);
        Assert.StartsWith("malformed JSON", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_matcher_kind_names_file_rule_line_and_the_known_kinds()
    {
        var error = Assert.Single(Errors(RuleFile(ValidRule.Replace("\"kind\": \"protein\"", "\"kind\": \"hotspot\"", StringComparison.Ordinal))));

        Assert.Equal(("rules/test.json", "T-EGFR-L858R", (int?)5), (error.File, error.Subject, error.Line));
        Assert.Contains("unknown matcher kind 'hotspot'", error.Reason, StringComparison.Ordinal);
        Assert.Contains("codonRange", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_oncotree_code_is_an_error()
    {
        var error = Assert.Single(Errors(RuleFile(ValidRule.Replace("[\"NSCLC\"]", "[\"XYZ\"]", StringComparison.Ordinal))));

        Assert.Equal(6, error.Line);
        Assert.Contains("unknown OncoTree code 'XYZ'", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_names_the_tumours_it_is_about_so_exclusions_alone_are_an_error()
    {
        var error = Assert.Single(Errors(RuleFile(ValidRule.Replace("{ \"include\": [\"NSCLC\"] }", "{ \"exclude\": [\"NSCLC\"] }", StringComparison.Ordinal))));

        Assert.Equal(6, error.Line);
        Assert.Contains("a listed tumour scope needs OncoTree codes in 'include'", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Drug_missing_from_the_vocabulary_is_an_error()
    {
        var error = Assert.Single(Errors(RuleFile(ValidRule.Replace("osimertinib", "wonderdrug", StringComparison.Ordinal))));

        Assert.Equal(9, error.Line);
        Assert.Contains("'wonderdrug' is not in the drug vocabulary", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Upper_case_drug_name_is_an_error()
    {
        var error = Assert.Single(Errors(RuleFile(ValidRule.Replace("\"osimertinib\"", "\"Osimertinib\"", StringComparison.Ordinal))));

        Assert.Contains("lower-case INN", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"level\": \"2A\"", "is not one of 1, 2, 3A, 3B, 4, R1, R2")]
    [InlineData("\"level\": \"5\"", "is not one of 1, 2, 3A, 3B, 4, R1, R2")]
    [InlineData("\"level\": \"R1\"", "does not fit effect 'sensitive'")]
    public void Bad_level_is_an_error(string level, string reason)
    {
        var error = Assert.Single(Errors(RuleFile(ValidRule.Replace("\"level\": \"1\"", level, StringComparison.Ordinal))));

        Assert.Equal(8, error.Line);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_without_citation_is_an_error()
    {
        var error = Assert.Single(Errors(RuleFile(ValidRule.Replace("{ \"type\": \"pmid\", \"id\": \"24868098\" }", "", StringComparison.Ordinal))));

        Assert.Equal(10, error.Line);
        Assert.Contains("at least one citation", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"type\": \"pmid\", \"id\": \"PMC123\" }", "not a valid pmid")]
    [InlineData("{ \"type\": \"nct\", \"id\": \"NCT123\" }", "not a valid nct")]
    [InlineData("{ \"type\": \"doi\", \"id\": \"10.1/x\" }", "must be pmid, fda, nct or url")]
    public void Malformed_citation_is_an_error(string citation, string reason)
    {
        var error = Assert.Single(Errors(RuleFile(ValidRule.Replace("{ \"type\": \"pmid\", \"id\": \"24868098\" }", citation, StringComparison.Ordinal))));

        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_rule_id_across_files_is_an_error_pointing_at_both()
    {
        var errors = Errors(RuleFile(ValidRule), ("rules/second.json", $$"""{ "rules": [{{ValidRule}}] }"""));

        var error = Assert.Single(errors);
        Assert.Equal("T-EGFR-L858R/osimertinib", error.Subject);
        Assert.Contains("duplicate rule id", error.Reason, StringComparison.Ordinal);
        Assert.Contains("rules/", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_property_is_an_error_so_typos_do_not_pass_silently()
    {
        var errors = Errors(RuleFile(ValidRule.Replace("\"rationale\"", "\"rational\"", StringComparison.Ordinal)));

        Assert.Contains(errors, e => e.Line == 11 && e.Reason.StartsWith("unknown property 'rational'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Reason == "missing required property 'rationale'");
    }

    [Fact]
    public void Negation_alone_is_refused_because_it_would_match_every_patient()
    {
        var notOnly = ValidRule.Replace(
            "{ \"kind\": \"protein\", \"gene\": \"EGFR\", \"change\": \"L858R\" }",
            "{ \"kind\": \"not\", \"of\": { \"kind\": \"protein\", \"gene\": \"EGFR\", \"change\": \"L858R\" } }",
            StringComparison.Ordinal);

        var error = Assert.Single(Errors(RuleFile(notOnly)));

        Assert.Contains("at least one positive condition", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Protein_change_not_in_canonical_form_is_an_error()
    {
        var error = Assert.Single(Errors(RuleFile(ValidRule.Replace("\"L858R\"", "\"p.Leu858Arg\"", StringComparison.Ordinal))));

        Assert.Contains("canonical one-letter form", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_error_of_every_file_is_reported_in_one_load()
    {
        var errors = Errors(
            RuleFile(ValidRule.Replace("\"1\"", "\"9\"", StringComparison.Ordinal)),
            ("rules/other.json", $$"""{ "rules": [{{ValidRule.Replace("T-EGFR-L858R", "T-OTHER", StringComparison.Ordinal).Replace("NSCLC", "NOPE", StringComparison.Ordinal)}}] }"""));

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.File == "rules/test.json");
        Assert.Contains(errors, e => e.File == "rules/other.json" && e.Subject == "T-OTHER");
    }

    [Fact]
    public void Content_hash_changes_when_a_rule_file_changes_and_not_otherwise()
    {
        var first = Load(RuleFile(ValidRule));
        var same = Load(RuleFile(ValidRule));
        var changed = Load(RuleFile(ValidRule.Replace("\"rationale\": \"test\"", "\"rationale\": \"test 2\"", StringComparison.Ordinal)));

        Assert.Equal(first.ContentHash, same.ContentHash);
        Assert.NotEqual(first.ContentHash, changed.ContentHash);
    }

    private static (string Path, string Text) RuleFile(string rule) => ("rules/test.json", $$"""
        {
          "rules": [
        {{rule}}
          ]
        }
        """);

    private static Core.Rules.KnowledgeBase Load(params (string Path, string Text)[] ruleFiles) =>
        KnowledgeBaseLoader.Load(Files(ruleFiles), TestVocabulary.OncoTree, TestVocabulary.Drugs);

    private static IReadOnlyList<KnowledgeBaseLoadError> Errors(params (string Path, string Text)[] ruleFiles) =>
        Assert.Throws<KnowledgeBaseLoadException>(() => Load(ruleFiles)).Errors;

    private static IEnumerable<KnowledgeBaseFile> Files((string Path, string Text)[] ruleFiles) =>
        ruleFiles.Select(f => new KnowledgeBaseFile(f.Path, Encoding.UTF8.GetBytes(f.Text)))
            .Append(new KnowledgeBaseFile(KnowledgeBaseLoader.ManifestPath, Encoding.UTF8.GetBytes(Manifest)));
}
