using TumorBoard.Core.Alterations;

namespace TumorBoard.Core.Tests.Alterations;

public class CopyNumberCallsTests
{
    [Theory]
    [InlineData(0, CnaCall.Deletion)]
    [InlineData(0.4, CnaCall.Deletion)]
    [InlineData(1, CnaCall.Loss)]
    [InlineData(3, CnaCall.Gain)]
    [InlineData(5, CnaCall.Gain)]
    [InlineData(6, CnaCall.Amplification)]
    [InlineData(7, CnaCall.Amplification)]
    public void Copy_number_alone_is_classified_against_ploidy_two(double copyNumber, CnaCall expected)
    {
        Assert.Equal(expected, CopyNumberCalls.FromCopyNumber((decimal)copyNumber));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(1.6)]
    [InlineData(2.4)]
    public void Copy_number_near_two_is_no_call(double copyNumber)
    {
        Assert.Null(CopyNumberCalls.FromCopyNumber((decimal)copyNumber));
    }

    [Theory]
    [InlineData(null, "ERBB2 amplification", null, CnaCall.Amplification)]
    [InlineData(null, "Amplified", 4.0, CnaCall.Amplification)]
    [InlineData(null, "homozygous deletion", null, CnaCall.Deletion)]
    [InlineData(null, "PTEN heterozygous loss", 1.0, CnaCall.Loss)]
    [InlineData("SO:0001742", null, 3.0, CnaCall.Gain)]
    [InlineData("SO:0001742", null, 8.0, CnaCall.Amplification)]
    [InlineData("SO:0001742", null, null, CnaCall.Gain)]
    [InlineData("SO:0001743", null, null, CnaCall.Loss)]
    [InlineData("SO:0001743", null, 0.0, CnaCall.Deletion)]
    [InlineData("SO:0001019", null, 3.0, CnaCall.Gain)]
    [InlineData("SO:0001019", null, 1.0, CnaCall.Loss)]
    [InlineData(null, "PTEN loss", null, CnaCall.Loss)]
    public void Lab_calls_and_so_codes_map_to_a_call(string? so, string? text, double? copyNumber, CnaCall expected)
    {
        Assert.Equal(expected, CopyNumberCalls.Classify(so, text, (decimal?)copyNumber));
    }

    [Fact]
    public void A_generic_variation_code_without_a_number_gives_no_call()
    {
        Assert.Null(CopyNumberCalls.Classify("SO:0001019", null, null));
    }
}
