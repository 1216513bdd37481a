using TumorBoard.Core.Alterations;
using TumorBoard.Core.Vocabularies;

namespace TumorBoard.Core.Tests.Alterations;

public class FusionNotationTests
{
    private readonly GeneSymbols _genes = TestGenes.Create();

    [Theory]
    [InlineData("EML4::ALK")]
    [InlineData("EML4-ALK")]
    [InlineData("EML4/ALK")]
    [InlineData("EML4 ALK fusion")]
    [InlineData("EML4--ALK")]
    [InlineData("EML4-ALK Fusion")]
    [InlineData("eml4 - alk rearrangement")]
    public void Fusion_spellings_give_five_prime_then_three_prime(string text)
    {
        var fusion = FusionNotation.Parse(text, _genes);

        Assert.NotNull(fusion);
        Assert.Equal(["EML4", "ALK"], fusion.Genes);
        Assert.Equal("ALK", fusion.ThreePrimeGene);
        Assert.Equal("EML4", fusion.FivePrimeGene);
        Assert.Empty(fusion.Unresolved);
        Assert.Equal("EML4::ALK", AlterationKeys.Fusion(fusion.Genes));
    }

    [Fact]
    public void Order_is_kept_as_given_even_when_the_kinase_is_five_prime()
    {
        var fusion = FusionNotation.Parse("FGFR2::BICC1", _genes);

        Assert.Equal(["FGFR2", "BICC1"], fusion!.Genes);
    }

    [Theory]
    [InlineData("ROS1 Fusion", "ROS1")]
    [InlineData("ALK rearrangement", "ALK")]
    [InlineData("v::ALK", "ALK")]
    public void A_single_gene_fusion_has_no_invented_partner(string text, string gene)
    {
        var fusion = FusionNotation.Parse(text, _genes);

        Assert.NotNull(fusion);
        Assert.Equal([gene], fusion.Genes);
        Assert.False(fusion.PartnerKnown);
        Assert.Equal($"{gene} fusion", AlterationKeys.Fusion(fusion.Genes));
    }

    [Fact]
    public void A_hyphenated_symbol_is_not_split_into_two_genes()
    {
        var fusion = FusionNotation.Parse("NKX2-1 fusion", _genes);

        Assert.Equal(["NKX2-1"], fusion!.Genes);
    }

    [Fact]
    public void Aliases_resolve_and_unknown_names_are_listed()
    {
        var fusion = FusionNotation.Parse("FOO9::PTC", _genes);

        Assert.Equal(["FOO9", "RET"], fusion!.Genes);
        Assert.Equal(["FOO9"], fusion.Unresolved);
    }

    [Theory]
    [InlineData("EML4 ALK fusion", true)]
    [InlineData("BCR::ABL1", true)]
    [InlineData("ALK rearrangement", true)]
    [InlineData("EGFR L858R", false)]
    [InlineData("MET exon 14 skipping", false)]
    public void Fusion_text_is_recognised(string text, bool expected)
    {
        Assert.Equal(expected, FusionNotation.LooksLikeFusion(text));
    }
}
