using TumorBoard.Core.Alterations;
using TumorBoard.Core.Rules.Matchers;
using TumorBoard.Tests.Support;

namespace TumorBoard.Core.Tests.Trials;

public class GeneMutationMatcherTests
{
    private static readonly GeneMutationMatcher BrafNonV600 = new("BRAF", [ProteinChangeKind.Missense], [600]);

    [Theory]
    [InlineData("G469A", true)]
    [InlineData("V600E", false)]
    [InlineData("K601E", true)]
    [InlineData("V600=", false)]
    public void BRAF_non_V600_matches_missense_changes_outside_codon_600(string change, bool expected)
    {
        Assert.Equal(expected, BrafNonV600.Matches(Proteins.Mutation("BRAF", change)));
    }

    [Fact]
    public void Any_protein_altering_mutation_excludes_synonymous_changes_and_copy_number_events()
    {
        var any = new GeneMutationMatcher("KRAS", GeneMutationMatcher.ProteinAltering, []);
        var amplification = new Alteration { Key = "KRAS amplification", Gene = "KRAS", Kind = AlterationKind.Cna, CnaCall = CnaCall.Amplification };

        Assert.True(any.Matches(Proteins.Mutation("KRAS", "G12D")));
        Assert.True(any.Matches(Proteins.Mutation("KRAS", "A59_E62del")));
        Assert.False(any.Matches(Proteins.Mutation("KRAS", "G12=")));
        Assert.False(any.Matches(amplification));
        Assert.Equal("KRAS mutation (any protein-altering)", any.Describe());
    }
}
