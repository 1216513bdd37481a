using TumorBoard.Core.Alterations;
using TumorBoard.Core.Trials;
using TumorBoard.Core.Trials.Evaluation;
using TumorBoard.KnowledgeBase.Tests.Trials;
using static TumorBoard.KnowledgeBase.Tests.Ctml.CtmlFixtures;

namespace TumorBoard.KnowledgeBase.Tests.Ctml;

/// <summary>Each vendored MatchMiner trial matches the synthetic patients built for it as matchengine-V2's semantics say, and refuses the others.</summary>
public sealed class CtmlMatchingTests
{
    private static TrialPatientBuilder Patient(string tumor = "CSCC") => TrialPatientBuilder.Tumor(tumor);

    private static Alteration Fusion(params string[] genes) =>
        new() { Key = string.Join("::", genes), Gene = genes[^1], Kind = AlterationKind.Fusion, FusionGenes = genes };

    private static Alteration TmbOf(decimal value) => new() { Key = "TMB", Gene = "", Kind = AlterationKind.Tmb, Value = value };

    [Theory]
    [InlineData("V600E")]
    [InlineData("V600K")]
    public void Wildcard_protein_change_matches_any_single_residue_change_at_the_codon(string change)
    {
        var arm = Arm(Trial(Wildcard), Patient("MEL").Mutation("BRAF", change), "step-1");
        Assert.NotNull(arm);
        Assert.Equal(EligibilityStatus.Eligible, arm.Status);
        Assert.Equal(ArmStatus.Open, arm.ArmStatus);
    }

    [Theory]
    [InlineData("BRAF", "V600_K601delinsE")]
    [InlineData("BRAF", "G469A")]
    [InlineData("NRAS", "V600E")]
    public void Wildcard_protein_change_refuses_other_changes_codons_and_genes(string gene, string change) =>
        Assert.Empty(Evaluate(Trial(Wildcard), Patient("MEL").Mutation(gene, change)));

    [Fact]
    public void Structured_sv_arm_takes_an_adult_skin_cancer_with_a_listed_fusion()
    {
        var arm = Arm(Trial(StructuralVariants), Patient().With(Fusion("KIF5B", "ALK")), "DOSE-12345");
        Assert.NotNull(arm);
        Assert.Equal(EligibilityStatus.Eligible, arm.Status);
        Assert.Equal("KIF5B::ALK", Assert.Single(arm.MatchedAlterations).Alteration.Key);
    }

    [Theory]
    [InlineData("NPM1")]
    [InlineData("KRAS", "BRAF")]
    [InlineData("BRAF", "KRAS")]
    [InlineData("EML4", "EML4")]
    public void Fusion_partner_any_gene_intergenic_and_either_order_match(params string[] genes)
    {
        ArgumentNullException.ThrowIfNull(genes);
        Assert.Equal(EligibilityStatus.Eligible, Arm(Trial(StructuralVariants), Patient().With(Fusion(genes)), "DOSE-12345")?.Status);
    }

    [Fact]
    public void A_mutation_is_not_a_structural_variation() =>
        Assert.Null(Arm(Trial(StructuralVariants), Patient().Mutation("KRAS", "G12D"), "DOSE-12345"));

    [Fact]
    public void Negated_structural_variation_excludes_a_tp53_fusion()
    {
        Assert.Null(Arm(Trial(StructuralVariants), Patient().With(Fusion("KIF5B", "ALK")).With(Fusion("TP53", "NTRK1")), "DOSE-12345"));
        Assert.NotNull(Arm(Trial(StructuralVariants), Patient().With(Fusion("KIF5B", "ALK")).Mutation("TP53", "R273H"), "DOSE-12345"));
    }

    [Fact]
    public void Oncotree_name_covers_descendants_and_other_tumours_are_not_listed()
    {
        Assert.NotNull(Arm(Trial(StructuralVariants), Patient("MCC").With(Fusion("KIF5B", "ALK")), "DOSE-12345"));
        Assert.Null(Arm(Trial(StructuralVariants), Patient("LUAD").With(Fusion("KIF5B", "ALK")), "DOSE-12345"));
    }

    [Fact]
    public void Age_expression_at_least_18_refuses_a_17_year_old_and_is_unknown_without_a_birth_date()
    {
        var trial = Trial(StructuralVariants);
        Assert.Null(Arm(trial, Patient().With(Fusion("KIF5B", "ALK")).Born(TrialPatientBuilder.Today.AddYears(-18).AddDays(1)), "DOSE-12345"));
        Assert.NotNull(Arm(trial, Patient().With(Fusion("KIF5B", "ALK")).Born(TrialPatientBuilder.Today.AddYears(-18)), "DOSE-12345"));
        Assert.Equal(EligibilityStatus.Potential, Arm(trial, Patient().With(Fusion("KIF5B", "ALK")).BirthDateUnknown(), "DOSE-12345")?.Status);
    }

    [Fact]
    public void Clinical_only_arm_with_negated_nodes_takes_a_male_merkel_cell_patient_without_those_fusions()
    {
        var trial = Trial(StructuralVariants);
        Assert.Equal(EligibilityStatus.Eligible, Arm(trial, Patient("MCC").Sex("male"), "DOSE-1234566")?.Status);
        Assert.Equal(EligibilityStatus.Eligible, Arm(trial, Patient("MCC").Sex("male").With(Fusion("CLIP4", "ALK")), "DOSE-1234566")?.Status);
        Assert.Null(Arm(trial, Patient("MCC").Sex("male").With(Fusion("CLIP4", "ALK")).With(Fusion("EML4", "EML4")), "DOSE-1234566"));
        Assert.Null(Arm(trial, Patient("MCC").Sex("female"), "DOSE-1234566"));
        Assert.Equal(EligibilityStatus.Potential, Arm(trial, Patient("MCC"), "DOSE-1234566")?.Status);
    }

    [Theory]
    [InlineData(12, true)]
    [InlineData(40, true)]
    [InlineData(3, true)]
    public void Tmb_arm_takes_any_reported_tmb_its_or_covers(decimal tmb, bool listed) =>
        Assert.Equal(listed, Arm(Trial(Tmb), Patient().With(TmbOf(tmb)), "DOSE") is { Status: EligibilityStatus.Eligible });

    [Fact]
    public void Tmb_arm_lists_nobody_without_a_reported_tmb() =>
        Assert.Empty(Evaluate(Trial(Tmb), Patient().Mutation("KRAS", "G12D")));

    [Theory]
    [InlineData(">=", 10, 10, true)]
    [InlineData(">", 15, 15, false)]
    [InlineData("<=", 40, 40, true)]
    [InlineData("<", 40, 40, false)]
    [InlineData("==", 40, 40, true)]
    [InlineData("==", 40, 39.9, false)]
    public void Tmb_comparisons_follow_their_operator(string op, double threshold, double value, bool holds) =>
        Assert.Equal(holds, new Core.Trials.Ctml.TmbComparisonMatcher(op, (decimal)threshold).Matches(TmbOf((decimal)value)));

    [Fact]
    public void Signature_arm_is_potential_for_every_patient_and_says_signatures_are_not_read()
    {
        var arm = Arm(Trial(Signatures), Patient("LUAD").Mutation("KRAS", "G12C"), "DOSE");
        Assert.NotNull(arm);
        Assert.Equal(EligibilityStatus.Potential, arm.Status);
        Assert.Contains(arm.Criteria, c => c.Result == CriterionOutcome.Unknown && c.Criterion.Contains("temozolomide_signature", StringComparison.Ordinal));
    }

    [Fact]
    public void Negated_mutation_node_excludes_only_nras_g12d()
    {
        var trial = Trial(NegatedYaml);
        Assert.Null(Arm(trial, Patient("COAD").Mutation("NRAS", "G12D"), "EXP-3"));
        Assert.Equal(EligibilityStatus.Eligible, Arm(trial, Patient("COAD").Mutation("NRAS", "Q61K"), "EXP-3")?.Status);
        Assert.Equal(EligibilityStatus.Eligible, Arm(trial, Patient("COAD"), "EXP-3")?.Status);
    }
}
