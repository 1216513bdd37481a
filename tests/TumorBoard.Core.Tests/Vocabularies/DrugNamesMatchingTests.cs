using TumorBoard.Core.Vocabularies;

namespace TumorBoard.Core.Tests.Vocabularies;

/// <summary>Longest-match text resolution on a hand-built drug list, independent of the shipped data.</summary>
public sealed class DrugNamesMatchingTests
{
    private static readonly DrugNames Drugs = new([
        new DrugDefinition("trastuzumab", ["anti-her2-antibody"], ["Herceptin"], ["224905"]),
        new DrugDefinition("trastuzumab deruxtecan", ["anti-her2-adc"], ["Enhertu", "fam-trastuzumab deruxtecan-nxki"], []),
        new DrugDefinition("trastuzumab emtansine", ["anti-her2-adc"], ["ado-trastuzumab emtansine", "T-DM1"], []),
        new DrugDefinition("pertuzumab", ["anti-her2-antibody"], [], []),
    ]);

    [Theory]
    [InlineData("trastuzumab deruxtecan 5.4 mg/kg", "trastuzumab deruxtecan")]
    [InlineData("Ado-Trastuzumab Emtansine", "trastuzumab emtansine")]
    [InlineData("t-dm1", "trastuzumab emtansine")]
    [InlineData("trastuzumab 6 mg/kg", "trastuzumab")]
    public void Longest_known_name_wins(string text, string inn)
    {
        Assert.Equal(inn, Drugs.ToInn(null, text));
    }

    [Fact]
    public void Names_inside_a_longer_match_are_not_reported_again()
    {
        Assert.Equal(["trastuzumab deruxtecan", "pertuzumab"], Drugs.InnsIn("trastuzumab deruxtecan + pertuzumab"));
    }

    [Fact]
    public void Legacy_dictionary_constructor_still_resolves_codes_and_words()
    {
        var legacy = new DrugNames(
            new Dictionary<string, string> { ["1721560"] = "osimertinib" },
            new Dictionary<string, string> { ["osimertinib"] = "osimertinib", ["Tagrisso"] = "osimertinib" });

        Assert.Equal("osimertinib", legacy.ToInn("1721560", null));
        Assert.Equal("osimertinib", legacy.ToInn(null, "TAGRISSO 80 MG Oral Tablet"));
        Assert.Empty(legacy.ClassesOf("osimertinib"));
    }

    [Fact]
    public void Name_normalisation_splits_on_punctuation_and_lower_cases()
    {
        Assert.Equal("fam trastuzumab deruxtecan nxki", DrugNames.NormalizeName(" Fam-Trastuzumab  Deruxtecan-NXKI "));
    }
}
