using TumorBoard.Core.Rules.Civic;

namespace TumorBoard.Core.Tests.Rules.Civic;

public sealed class TherapyKeyTests
{
    [Theory]
    [InlineData(new[] { "osimertinib" }, "osimertinib")]
    [InlineData(new[] { "trametinib", "dabrafenib" }, "dabrafenib+trametinib")]
    [InlineData(new[] { "dabrafenib", "trametinib" }, "dabrafenib+trametinib")]
    [InlineData(new[] { "pertuzumab", "trastuzumab", "docetaxel" }, "docetaxel+pertuzumab+trastuzumab")]
    public void A_therapy_is_the_same_key_whatever_the_order_of_its_drugs(string[] drugs, string expected)
    {
        Assert.Equal(expected, CivicLayering.TherapyKey(drugs));
        Assert.Equal(expected, CivicLayering.TherapyKey(drugs.AsEnumerable().Reverse()));
    }

    [Fact]
    public void Drug_names_are_ordered_by_ordinal_comparison_not_by_culture()
    {
        // "Z" sorts before "a" ordinally; a culture-aware sort would put "a" first.
        Assert.Equal("Zeta+alpha", CivicLayering.TherapyKey(new List<string> { "alpha", "Zeta" }));
    }
}
