using System.Text.Json.Nodes;
using TumorBoard.KnowledgeBase.Rules;

namespace TumorBoard.KnowledgeBase.Tests.Schemas;

/// <summary>
/// The schemas are the documented format; the loader is the authority on meaning (OncoTree codes, drug names,
/// unique ids). These tests keep the two from drifting apart: every shipped file satisfies its schema, and the
/// schema refuses what the loader refuses on shape.
/// </summary>
public class DataFilesMatchSchemasTests
{
    public static TheoryData<string> RuleFiles => new(ShippedSchemas.DataFiles("rules").Select(Path.GetFileName)!);

    public static TheoryData<string> TrialFiles => new(ShippedSchemas.DataFiles("trials").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void Every_shipped_rule_file_satisfies_the_rule_schema(string file)
    {
        var violations = ShippedSchemas.Violations(ShippedSchemas.Load("rule.schema.json"), File.ReadAllText(Path.Combine(TestVocabulary.ShippedDataDirectory, "rules", file)));

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Theory]
    [MemberData(nameof(TrialFiles))]
    public void Every_shipped_trial_pack_satisfies_the_trial_schema(string file)
    {
        var violations = ShippedSchemas.Violations(ShippedSchemas.Load("trial.schema.json"), File.ReadAllText(Path.Combine(TestVocabulary.ShippedDataDirectory, "trials", file)));

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Every_matcher_kind_the_loader_reads_is_described_by_the_rule_schema()
    {
        var schema = JsonNode.Parse(File.ReadAllText(ShippedSchemas.SchemaPath("rule.schema.json")))!;
        var described = schema["$defs"]!["matcher"]!["oneOf"]!.AsArray()
            .Select(option => option!["properties"]!["kind"]!["const"]!.GetValue<string>())
            .ToList();

        Assert.Equal(MatcherParser.Kinds.Order(StringComparer.Ordinal), described.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{ "kind": "protein", "gene": "EGFR", "change": "p.L858R" }""")]
    [InlineData("""{ "kind": "mutation", "gene": "BRAF", "consequences": ["missense"], "excludingPositions": [0] }""")]
    [InlineData("""{ "kind": "mutation", "gene": "BRAF", "typo": true }""")]
    [InlineData("""{ "kind": "telepathy", "gene": "EGFR" }""")]
    public void The_rule_schema_refuses_a_biomarker_the_loader_refuses(string biomarker)
    {
        var file = $$"""
            { "rules": [ { "id": "X-1", "biomarker": {{biomarker}}, "tumor": { "include": ["NSCLC"] }, "effect": "sensitive", "level": "1",
              "therapies": [ { "drugs": ["osimertinib"] } ], "citations": [ { "type": "pmid", "id": "1" } ], "rationale": "r" } ] }
            """;

        Assert.NotEmpty(ShippedSchemas.Violations(ShippedSchemas.Load("rule.schema.json"), file));
    }

    [Fact]
    public void The_rule_schema_accepts_a_gene_mutation_matcher_as_the_loader_does()
    {
        var file = """
            { "rules": [ { "id": "X-1", "biomarker": { "kind": "mutation", "gene": "BRAF", "consequences": ["missense"], "excludingPositions": [600] },
              "tumor": { "include": ["NSCLC"] }, "effect": "sensitive", "level": "1",
              "therapies": [ { "drugs": ["osimertinib"] } ], "citations": [ { "type": "pmid", "id": "1" } ], "rationale": "r" } ] }
            """;

        Assert.Empty(ShippedSchemas.Violations(ShippedSchemas.Load("rule.schema.json"), file));
    }

    [Fact]
    public void The_trial_schema_checks_a_genomic_criterion_with_the_rule_matcher_vocabulary()
    {
        var pack = """
            { "id": "T", "nctIds": ["NCT00000001"], "title": "t", "version": "1", "citations": [ { "type": "nct", "id": "NCT00000001" } ],
              "arms": [ { "id": "A", "title": "a", "drugs": ["osimertinib"], "status": "open", "citations": [ { "type": "nct", "id": "NCT00000001" } ],
                          "select": { "genomic": { "biomarker": { "kind": "protein", "gene": "EGFR", "change": "p.L858R" } } } } ] }
            """;

        Assert.Contains(ShippedSchemas.Violations(ShippedSchemas.Load("trial.schema.json"), pack), v => v.StartsWith("/arms/0/select/genomic/biomarker", StringComparison.Ordinal));
        Assert.Empty(ShippedSchemas.Violations(ShippedSchemas.Load("trial.schema.json"), pack.Replace("p.L858R", "L858R", StringComparison.Ordinal)));
    }
}
