using TumorBoard.Core.Vocabularies;

namespace TumorBoard.KnowledgeBase.Tests.Vocabularies;

public sealed class DrugNameTests(VocabularyFixture fixture) : IClassFixture<VocabularyFixture>
{
    private readonly DrugNames _drugs = fixture.Vocabulary.Drugs;

    [Theory]
    [InlineData("1721560", "osimertinib")] // ingredient
    [InlineData("337525", "erlotinib")]
    [InlineData("349472", "gefitinib")] // gefitinib 250 MG Oral Tablet, as in the mCODE example
    [InlineData("2267582", "trastuzumab deruxtecan")]
    public void RxNorm_code_resolves_to_the_INN(string rxnorm, string inn)
    {
        Assert.Equal(inn, _drugs.ToInn(rxnorm, null));
    }

    [Theory]
    [InlineData("Tagrisso", "osimertinib")]
    [InlineData("KADCYLA", "trastuzumab emtansine")]
    [InlineData("Enhertu", "trastuzumab deruxtecan")]
    [InlineData("Keytruda", "pembrolizumab")]
    public void Brand_name_resolves_to_the_INN(string brand, string inn)
    {
        Assert.Equal(inn, _drugs.ToInn(null, brand));
    }

    [Theory]
    [InlineData("Erlotinib 150 MG Oral Tablet", "erlotinib")]
    [InlineData("ERLOTINIB", "erlotinib")]
    [InlineData("osimertinib (Tagrisso) 80 mg daily", "osimertinib")]
    [InlineData("Tagrisso 80 MG (as osimertinib mesylate 95.4 MG) Oral Tablet", "osimertinib")]
    public void Dose_text_and_case_do_not_prevent_resolution(string text, string inn)
    {
        Assert.Equal(inn, _drugs.ToInn(null, text));
    }

    [Theory]
    [InlineData("trastuzumab deruxtecan", "trastuzumab deruxtecan")]
    [InlineData("Trastuzumab", "trastuzumab")]
    [InlineData("ado-trastuzumab emtansine", "trastuzumab emtansine")]
    [InlineData("T-DM1", "trastuzumab emtansine")]
    [InlineData("fam-trastuzumab deruxtecan-nxki 100 MG Injection", "trastuzumab deruxtecan")]
    [InlineData("datopotamab deruxtecan", "datopotamab deruxtecan")]
    public void Multi_word_INN_wins_over_the_shorter_name_inside_it(string text, string inn)
    {
        Assert.Equal(inn, _drugs.ToInn(null, text));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(null, "")]
    [InlineData(null, "aspirin 81 mg")]
    [InlineData("0000000", null)]
    public void Unknown_drug_resolves_to_null(string? rxnorm, string? text)
    {
        Assert.Null(_drugs.ToInn(rxnorm, text));
    }

    [Fact]
    public void Unknown_RxNorm_code_falls_back_to_the_text()
    {
        Assert.Equal("osimertinib", _drugs.ToInn("0000000", "Tagrisso"));
    }

    [Fact]
    public void Every_drug_of_a_regimen_text_is_found_in_order()
    {
        Assert.Equal(["carboplatin", "pemetrexed", "pembrolizumab"], _drugs.InnsIn("Carboplatin + pemetrexed / Keytruda"));
    }

    [Theory]
    [InlineData("erlotinib", "egfr-tki-1st-gen")]
    [InlineData("osimertinib", "egfr-tki-3rd-gen")]
    [InlineData("osimertinib", "egfr-tki")]
    [InlineData("letrozole", "aromatase-inhibitor")]
    [InlineData("olaparib", "parp-inhibitor")]
    [InlineData("cetuximab", "anti-egfr-antibody")]
    [InlineData("lorlatinib", "alk-tki")]
    [InlineData("palbociclib", "cdk4/6-inhibitor")]
    public void Drug_belongs_to_its_class(string inn, string drugClass)
    {
        Assert.True(_drugs.IsInClass(inn, drugClass));
        Assert.Contains(drugClass, _drugs.ClassesOf(inn));
    }

    [Fact]
    public void Osimertinib_is_not_a_first_generation_EGFR_TKI()
    {
        Assert.False(_drugs.IsInClass("osimertinib", "egfr-tki-1st-gen"));
    }

    [Fact]
    public void Class_lists_every_member_so_trial_exclusions_catch_all_of_them()
    {
        Assert.Equal(["abemaciclib", "palbociclib", "ribociclib"], _drugs.InnsInClass("cdk4/6-inhibitor"));
        Assert.Equal(["anastrozole", "exemestane", "letrozole"], _drugs.InnsInClass("aromatase-inhibitor"));
    }

    [Fact]
    public void Unknown_drug_or_class_has_no_classes()
    {
        Assert.Empty(_drugs.ClassesOf("aspirin"));
        Assert.Empty(_drugs.InnsInClass("no-such-class"));
    }

    [Fact]
    public void Every_INN_is_lower_case()
    {
        Assert.All(_drugs.KnownInns, inn => Assert.Equal(inn.ToLowerInvariant(), inn));
    }
}
