using TumorBoard.Core.Alterations;

namespace TumorBoard.Core.Tests.Alterations;

public class AlterationKeysTests
{
    [Theory]
    [InlineData("p.Thr790Met", "EGFR T790M")]
    [InlineData("p.E746_A750delELREA", "EGFR E746_A750del")]
    public void Variant_keys_use_gene_and_one_letter_change(string protein, string expected)
    {
        Assert.Equal(expected, AlterationKeys.Variant("EGFR", ProteinChangeParser.Parse(protein), "c.2369C>T", null));
    }

    [Fact]
    public void A_variant_without_protein_change_is_keyed_by_its_coding_change()
    {
        Assert.Equal("MET c.3028+1G>T", AlterationKeys.Variant("MET", null, "c.3028+1G>T", "MET exon 14 skipping"));
    }

    [Theory]
    [InlineData("EGFR exon 19 deletion")]
    [InlineData("EGFR Exon 19 Deletion")]
    [InlineData("exon 19   deletion")]
    public void Unparsed_text_gives_one_stable_key(string text)
    {
        Assert.Equal("EGFR exon 19 deletion", AlterationKeys.Variant("EGFR", null, null, text));
    }

    [Theory]
    [InlineData(CnaCall.Amplification, "ERBB2 amplification")]
    [InlineData(CnaCall.Gain, "ERBB2 gain")]
    [InlineData(CnaCall.Loss, "ERBB2 loss")]
    [InlineData(CnaCall.Deletion, "ERBB2 deletion")]
    public void Copy_number_keys_use_the_call_word(CnaCall call, string expected)
    {
        Assert.Equal(expected, AlterationKeys.CopyNumber("ERBB2", call, null));
    }

    [Fact]
    public void Biomarker_keys_are_fixed()
    {
        Assert.Equal(("TMB", "MSI-H", "MSS"), (AlterationKeys.Tmb, AlterationKeys.Msi(true), AlterationKeys.Msi(false)));
    }

    [Fact]
    public void All_capital_tokens_and_notations_keep_their_case()
    {
        Assert.Equal("FLT3 ITD c.1800_1801ins21", AlterationKeys.Uninterpreted("FLT3", "FLT3 ITD c.1800_1801ins21"));
    }
}
