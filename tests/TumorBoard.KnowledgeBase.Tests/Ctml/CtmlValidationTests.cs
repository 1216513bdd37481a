using System.Text.Json.Nodes;
using TumorBoard.Core.Trials;
using TumorBoard.KnowledgeBase.Ctml;
using static TumorBoard.KnowledgeBase.Tests.Ctml.CtmlFixtures;

namespace TumorBoard.KnowledgeBase.Tests.Ctml;

/// <summary>Import validates before anything is built: every problem is reported with its JSON path.</summary>
public sealed class CtmlValidationTests
{
    [Fact]
    public void Every_vendored_trial_imports_without_problems()
    {
        foreach (var name in All)
        {
            var result = Import(Document(name), allowUnknownGenes: name == StructuralVariants);
            Assert.True(result.Problems.Count == 0, $"{name}: {string.Join("; ", result.Problems)}");
            Assert.NotEmpty(result.Trial!.Arms);
        }
    }

    [Fact]
    public void Non_hgnc_symbols_of_the_structured_sv_example_are_rejected_at_their_paths()
    {
        var result = Import(Document(StructuralVariants));
        Assert.Null(result.Trial);
        var or = "$.treatment_list.step[0].arm[0].match[0].and[2].or";
        Assert.Equal(
            [$"{or}[1].genomic.hugo_symbol", $"{or}[2].genomic.fusion_partner_hugo_symbol", $"{or}[12].genomic.hugo_symbol"],
            result.Problems.Select(p => p.Path).ToArray());
        Assert.All(result.Problems, p => Assert.Contains("unknown gene", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Allowing_unknown_genes_keeps_them_as_warnings()
    {
        var result = Import(Document(StructuralVariants), allowUnknownGenes: true);
        Assert.Empty(result.Problems);
        Assert.Equal(3, result.Warnings.Count(w => w.Message.Contains("matches no patient", StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_problem_of_a_bad_document_is_listed_with_its_path()
    {
        var document = JsonNode.Parse("""
            {
              "protocol_no": "12-345", "sponsor": "x",
              "treatment_list": { "step": [ { "arm": [ { "arm_code": "A", "arm_suspended": "maybe",
                "match": [ { "and": [
                  { "genomic": { "hugo_symbol": "NOTAGENE", "variant_category": "Mutation" } },
                  { "genomic": { "hugo_symbol": "EGFR", "exon": 19 } },
                  { "clinical": { "oncotree_primary_diagnosis": "Martian Carcinoma", "age_numerical": "about 18" } },
                  { "or": { "genomic": { "hugo_symbol": "KRAS" } } },
                  { "genomic": { "hugo_symbol": "BRAF" }, "clinical": { "gender": "Male" } }
                ] } ] } ] } ] }
            }
            """)!;
        var result = Import(document.AsObject());
        var paths = result.Problems.Select(p => p.Path).ToList();
        var arm = "$.treatment_list.step[0].arm[0]";
        Assert.Equal(
        [
            "$.sponsor",
            $"{arm}.arm_suspended",
            $"{arm}.match[0].and[0].genomic.hugo_symbol",
            $"{arm}.match[0].and[1].genomic.exon",
            $"{arm}.match[0].and[2].clinical.oncotree_primary_diagnosis",
            $"{arm}.match[0].and[2].clinical.age_numerical",
            $"{arm}.match[0].and[3].or",
            $"{arm}.match[0].and[4]",
        ], paths);
        Assert.Null(result.Trial);
    }

    [Fact]
    public void Yaml_and_json_of_the_same_trial_import_alike()
    {
        var yaml = CtmlText.Parse("""
            protocol_no: 11-111
            treatment_list:
              step:
                - step_code: '2'
                  arm:
                    - arm_code: EXP 3
                      arm_suspended: Y
                      match:
                        - and:
                            - genomic: {hugo_symbol: NRAS, protein_change: p.G12D, variant_category: "!Mutation"}
            """, yaml: true).Root!;
        var arm = Assert.Single(Import(yaml.AsObject()).Trial!.Arms);
        Assert.Equal("EXP-3", arm.Id);
        Assert.Equal(ArmStatus.Suspended, arm.DefaultStatus);
        Assert.Equal("not: NRAS G12D mutation", Assert.Single(arm.Population).Text);
    }

    [Fact]
    public void A_trial_not_open_to_accrual_has_every_arm_closed()
    {
        var document = Document(Wildcard);
        document["_summary"] = JsonNode.Parse("""{"status": [{"value": "Closed to Accrual"}]}""");
        Assert.All(Import(document).Trial!.Arms, a => Assert.Equal(ArmStatus.Closed, a.DefaultStatus));
    }

    [Fact]
    public void Malformed_yaml_is_one_problem_at_the_root()
    {
        var (root, problem) = CtmlText.Parse("protocol_no: [unclosed", yaml: true);
        Assert.Null(root);
        Assert.Equal("$", problem!.Path);
        Assert.StartsWith("malformed YAML", problem.Message, StringComparison.Ordinal);
    }
}
