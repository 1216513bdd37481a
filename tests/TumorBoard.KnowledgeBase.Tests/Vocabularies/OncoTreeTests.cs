using TumorBoard.Core.Vocabularies;

namespace TumorBoard.KnowledgeBase.Tests.Vocabularies;

public sealed class OncoTreeTests(VocabularyFixture fixture) : IClassFixture<VocabularyFixture>
{
    private readonly OncoTree _tree = fixture.Vocabulary.OncoTree;

    [Fact]
    public void Release_is_2025_10_03_with_every_node_but_the_root()
    {
        Assert.Equal("oncotree_2025_10_03", _tree.Version);
        Assert.Equal(897, _tree.Count);
    }

    [Fact]
    public void Lineage_of_LUAD_is_NSCLC_then_LUNG()
    {
        Assert.Equal(["LUAD", "NSCLC", "LUNG"], _tree.Lineage("LUAD"));
    }

    [Fact]
    public void SCLC_is_not_under_NSCLC_but_is_under_LUNG()
    {
        Assert.False(_tree.IsSelfOrDescendantOf("SCLC", "NSCLC"));
        Assert.True(_tree.IsSelfOrDescendantOf("SCLC", "LUNG"));
    }

    [Theory]
    [InlineData("IBC")]
    [InlineData("MBC")]
    public void Inflammatory_and_metaplastic_breast_cancer_are_not_under_BRCA(string code)
    {
        Assert.False(_tree.IsSelfOrDescendantOf(code, "BRCA"));
        Assert.True(_tree.IsSelfOrDescendantOf(code, "BREAST"));
    }

    [Fact]
    public void Uveal_melanoma_is_under_EYE_not_under_MEL()
    {
        Assert.False(_tree.IsSelfOrDescendantOf("UM", "MEL"));
        Assert.Equal(["UM", "OM", "EYE"], _tree.Lineage("UM"));
    }

    [Theory]
    [InlineData("LUAD", true)]
    [InlineData("GIST", true)]
    [InlineData("BREAST", true)]
    [InlineData("AML", false)]
    [InlineData("CLLSLL", false)]
    [InlineData("MYELOID", false)]
    [InlineData("LYMPH", false)]
    public void Solid_and_liquid_follow_the_tissue(string code, bool solid)
    {
        Assert.Equal(solid, _tree.IsSolid(code));
        Assert.Equal(!solid, _tree.IsLiquid(code));
    }

    [Fact]
    public void Unknown_code_is_neither_solid_nor_liquid()
    {
        Assert.False(_tree.IsSolid("NOPE"));
        Assert.False(_tree.IsLiquid("NOPE"));
    }

    [Fact]
    public void Node_carries_the_tissue_code_not_its_display_name()
    {
        Assert.Equal("MYELOID", _tree.Find("AML")!.Tissue);
        Assert.Equal("LUNG", _tree.Find("LUAD")!.Tissue);
        Assert.Null(_tree.Find("LUNG")!.Parent);
    }

    [Theory]
    [InlineData("BLOOD", "MYELOID")] // history
    [InlineData("PTCLNOS", "PTCL")] // history
    [InlineData("MM", "PCM")] // history
    [InlineData("CLL", "CLLSLL")] // precursor
    [InlineData("DIPG", "DMG")] // precursor
    public void Historical_codes_resolve_to_the_current_node(string historical, string current)
    {
        Assert.Equal(current, _tree.Find(historical)?.Code);
        Assert.False(_tree.IsCurrentCode(historical));
    }

    [Fact]
    public void Revoked_code_ALL_does_not_resolve_because_it_split_into_BLL_and_TLL()
    {
        Assert.Null(_tree.Find("ALL"));
    }

    [Theory]
    [InlineData("OV", "OVT")]
    [InlineData("CRC", "COADREAD")]
    public void Documented_aliases_for_non_OncoTree_abbreviations_resolve(string alias, string code)
    {
        Assert.Equal(code, _tree.Find(alias)?.Code);
    }

    [Fact]
    public void Historical_code_inherits_ancestry_of_its_current_node()
    {
        Assert.True(_tree.IsSelfOrDescendantOf("MM", "LYMPH"));
    }
}
