using TumorBoard.Core.Alterations;
using TumorBoard.Core.Rules.Matchers;
using TumorBoard.Tests.Support;

namespace TumorBoard.Core.Tests.Rules;

public class MatcherTests
{
    private static readonly CodonRangeMatcher Exon19Deletions = new(
        "EGFR", "exon 19 in-frame deletion", 729, 761, [ProteinChangeKind.InframeDeletion, ProteinChangeKind.Delins], [], ["exon 19 deletion"]);

    private static readonly CodonRangeMatcher Exon20Insertions = new(
        "EGFR", "exon 20 insertion", 762, 823, [ProteinChangeKind.InframeInsertion, ProteinChangeKind.Duplication], ["A763_Y764insFQEA"], []);

    [Theory]
    [InlineData("E746_A750del", true)]
    [InlineData("L747_P753delinsS", true)]
    [InlineData("K729_E730del", true)]
    [InlineData("K728_E729del", false)]
    [InlineData("D761_E762del", false)]
    [InlineData("E746fs", false)]
    [InlineData("I744_K745insKIPVAI", false)]
    public void Exon19_class_takes_deletions_within_codons_729_to_761_only(string change, bool expected)
    {
        Assert.Equal(expected, Exon19Deletions.Matches(Proteins.Mutation("EGFR", change)));
    }

    [Fact]
    public void Exon19_class_matches_a_description_when_no_protein_change_was_reported()
    {
        var described = new Alteration { Key = "EGFR exon 19 deletion", Gene = "EGFR", Kind = AlterationKind.Indel, Description = "EGFR Exon 19 Deletion" };

        Assert.True(Exon19Deletions.Matches(described));
    }

    [Theory]
    [InlineData("A767_V769dup", true)]
    [InlineData("D770_N771insSVD", true)]
    [InlineData("A763_Y764insFQEA", false)]
    [InlineData("T790M", false)]
    public void Exon20_insertions_include_duplications_and_exclude_insFQEA(string change, bool expected)
    {
        Assert.Equal(expected, Exon20Insertions.Matches(Proteins.Mutation("EGFR", change)));
    }

    [Theory]
    [InlineData("V600E", true)]
    [InlineData("V600R", true)]
    [InlineData("V600K", false)]
    [InlineData("A600E", false)]
    [InlineData("V601E", false)]
    public void Positional_matches_any_residue_at_the_codon_when_the_reference_agrees_minus_exclusions(string change, bool expected)
    {
        var matcher = new PositionalMatcher("BRAF", 'V', 600, ['K']);

        Assert.Equal(expected, matcher.Matches(Proteins.Mutation("BRAF", change)));
    }

    [Theory]
    [InlineData("K3326*", false)]
    [InlineData("K3325*", true)]
    [InlineData("S1982Rfs*22", true)]
    [InlineData("N372H", false)]
    public void Loss_of_function_takes_truncations_but_not_the_benign_BRCA2_K3326_stop(string change, bool expected)
    {
        var matcher = new LossOfFunctionMatcher("BRCA2", true, true, [], ["K3326*"]);

        Assert.Equal(expected, matcher.Matches(Proteins.Mutation("BRCA2", change)));
    }

    [Theory]
    [InlineData(CnaCall.Deletion, null, true)]
    [InlineData(CnaCall.Loss, null, false)]
    [InlineData(null, 0, true)]
    [InlineData(null, 1, false)]
    public void Loss_of_function_counts_deep_deletion_but_never_a_shallow_loss(CnaCall? call, int? copies, bool expected)
    {
        var matcher = new LossOfFunctionMatcher("PTEN", true, true, [], []);
        var cna = new Alteration { Key = "PTEN cna", Gene = "PTEN", Kind = AlterationKind.Cna, CnaCall = call, CopyNumber = copies };

        Assert.Equal(expected, matcher.Matches(cna));
    }

    [Theory]
    [InlineData("c.1234+1G>A", true)]
    [InlineData("c.1234-2A>G", true)]
    [InlineData("c.1234+3A>G", false)]
    [InlineData("c.1234+12A>G", false)]
    public void Loss_of_function_counts_only_canonical_splice_sites(string coding, bool expected)
    {
        var matcher = new LossOfFunctionMatcher("BRCA1", true, true, [], []);
        var splice = new Alteration { Key = "BRCA1 " + coding, Gene = "BRCA1", Kind = AlterationKind.Snv, CodingChange = coding };

        Assert.Equal(expected, matcher.Matches(splice));
    }

    [Theory]
    [InlineData(CnaCall.Amplification, null, true)]
    [InlineData(null, 6.0, true)]
    [InlineData(null, 5.9, false)]
    [InlineData(CnaCall.Gain, 8.0, false)]
    public void Amplification_by_call_or_by_copy_number_threshold_when_no_call(CnaCall? call, double? copies, bool expected)
    {
        var matcher = new AmplificationMatcher("ERBB2", 6m);
        var cna = new Alteration { Key = "ERBB2 cna", Gene = "ERBB2", Kind = AlterationKind.Cna, CnaCall = call, CopyNumber = (decimal?)copies };

        Assert.Equal(expected, matcher.Matches(cna));
    }

    [Theory]
    [InlineData(10.0, true)]
    [InlineData(9.9, false)]
    public void Tmb_threshold_is_inclusive(double value, bool expected)
    {
        var tmb = new Alteration { Key = "TMB", Gene = "", Kind = AlterationKind.Tmb, Value = (decimal)value };

        Assert.Equal(expected, new TmbMatcher(10m).Matches(tmb));
    }

    [Theory]
    [InlineData("EML4", "ALK", true)]
    [InlineData("ALK", "EML4", true)]
    [InlineData("KIF5B", "RET", false)]
    public void Fusion_matches_the_gene_in_either_position(string fivePrime, string threePrime, bool expected)
    {
        var fusion = new Alteration { Key = $"{fivePrime}::{threePrime}", Gene = threePrime, Kind = AlterationKind.Fusion, FusionGenes = [fivePrime, threePrime] };

        Assert.Equal(expected, new FusionMatcher("ALK", null).Matches(fusion));
    }

    [Fact]
    public void Fusion_partner_constraint_rejects_other_partners()
    {
        var etv6 = new Alteration { Key = "ETV6::ABL1", Gene = "ABL1", Kind = AlterationKind.Fusion, FusionGenes = ["ETV6", "ABL1"] };
        var bcr = etv6 with { Key = "ABL1::BCR", FusionGenes = ["ABL1", "BCR"] };
        var matcher = new FusionMatcher("ABL1", "BCR");

        Assert.False(matcher.Matches(etv6));
        Assert.True(matcher.Matches(bcr));
    }

    [Theory]
    [InlineData("c.3028+1G>T", null, null, true)]
    [InlineData("c.3028+2T>C", null, null, true)]
    [InlineData("c.3028+10G>A", null, null, false)]
    [InlineData(null, "X1010_splice", null, true)]
    [InlineData(null, null, "MET exon 14 skipping", true)]
    [InlineData(null, "D1228N", null, false)]
    public void Met_exon14_skipping_is_found_by_splice_site_splice_notation_or_text(string? coding, string? protein, string? description, bool expected)
    {
        var matcher = new ExonSkippingMatcher("MET", "exon 14 skipping", ["c.3028+1", "c.3028+2"], 963, 1028, ["exon 14 skipping"]);
        var alteration = new Alteration
        {
            Key = "MET",
            Gene = "MET",
            Kind = AlterationKind.Snv,
            CodingChange = coding,
            Protein = protein is null ? null : Proteins.Parse(protein),
            Description = description,
        };

        Assert.Equal(expected, matcher.Matches(alteration));
    }

    [Fact]
    public void Msi_high_matches_the_MSI_H_key_only()
    {
        var high = new Alteration { Key = "MSI-H", Gene = "", Kind = AlterationKind.Msi };
        var stable = high with { Key = "MSS" };

        Assert.True(new MsiHighMatcher().Matches(high));
        Assert.False(new MsiHighMatcher().Matches(stable));
    }
}
