using TumorBoard.Core.Alterations;

namespace TumorBoard.Core.Tests.Alterations;

public class CodingChangeTests
{
    [Theory]
    [InlineData("NM_005228.4:c.2573T>G", "NM_005228.4", "c.2573T>G")]
    [InlineData("c.2573T>G", null, "c.2573T>G")]
    [InlineData("2573T>G", null, "c.2573T>G")]
    [InlineData("NM_000251.3(MSH2):c.1832del", "NM_000251.3", "c.1832del")]
    [InlineData("NM_000245.2:c.3028+1G>T", "NM_000245.2", "c.3028+1G>T")]
    [InlineData(" NM_005228.4 : c.2235_2249del15 ", "NM_005228.4", "c.2235_2249del15")]
    public void Transcript_is_split_from_the_change(string input, string? transcript, string change)
    {
        var parsed = CodingChange.Parse(input);

        Assert.NotNull(parsed);
        Assert.Equal(transcript, parsed.Transcript);
        Assert.Equal(change, parsed.Change);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    [InlineData("NM_005228.4:")]
    public void Text_without_a_change_gives_null(string? input)
    {
        Assert.Null(CodingChange.Parse(input));
    }
}
