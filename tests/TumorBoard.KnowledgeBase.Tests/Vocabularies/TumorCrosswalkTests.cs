using TumorBoard.Core.Vocabularies;

namespace TumorBoard.KnowledgeBase.Tests.Vocabularies;

public sealed class TumorCrosswalkTests(VocabularyFixture fixture) : IClassFixture<VocabularyFixture>
{
    private const string Sct = TumorCrosswalk.Snomed;
    private const string Icd10 = TumorCrosswalk.Icd10Cm;
    private const string IcdO3 = TumorCrosswalk.IcdO3;

    private readonly TumorCrosswalk _crosswalk = fixture.Vocabulary.TumorCrosswalk;
    private readonly OncoTree _tree = fixture.Vocabulary.OncoTree;

    /// <summary>Every required tumour type from every system covered; site-only systems reach histology via ICD-O-3 morphology.</summary>
    public static TheoryData<string, string, string, string?, string> RequiredTumourTypes => new()
    {
        { "NSCLC", Sct, "254637007", null, "NSCLC" },
        { "NSCLC", Icd10, "C34.90", "8046/3", "NSCLC" },
        { "NSCLC", IcdO3, "C34.1", "8046/3", "NSCLC" },
        { "LUAD", Sct, "254626006", null, "LUAD" },
        { "LUAD", Icd10, "C34.11", "8140/3", "LUAD" },
        { "LUAD", IcdO3, "C34.9", "8140/3", "LUAD" },
        { "LUSC", Sct, "254634000", null, "LUSC" },
        { "LUSC", Icd10, "C34.90", "8070/3", "LUSC" },
        { "LUSC", IcdO3, "C34.9", "8070/3", "LUSC" },
        { "SCLC", Sct, "254632001", null, "SCLC" },
        { "SCLC", Icd10, "C34.1", "8041/3", "SCLC" },
        { "SCLC", IcdO3, "C34.9", "8041/3", "SCLC" },
        { "breast", Sct, "254837009", null, "BREAST" },
        { "breast", Icd10, "C50.911", null, "BREAST" },
        { "breast ductal", Icd10, "C50.911", "8500/3", "IDC" },
        { "breast lobular", IcdO3, "C50.4", "8520/3", "ILC" },
        { "colon", Sct, "1701000119104", null, "COAD" },
        { "colon", Icd10, "C18.9", "8140/3", "COAD" },
        { "colon", IcdO3, "C18.7", "8140/3", "COAD" },
        { "rectum", Sct, "254582000", null, "READ" },
        { "rectum", Icd10, "C20", "8140/3", "READ" },
        { "rectum", IcdO3, "C20.9", "8140/3", "READ" },
        { "prostate", Sct, "399490008", null, "PRAD" },
        { "prostate", Icd10, "C61", "8140/3", "PRAD" },
        { "prostate", IcdO3, "C61.9", "8140/3", "PRAD" },
        { "pancreas", Sct, "700423003", null, "PAAD" },
        { "pancreas", Icd10, "C25.0", "8500/3", "PAAD" },
        { "pancreas", IcdO3, "C25.9", "8140/3", "PAAD" },
        { "kidney RCC", Sct, "702391001", null, "RCC" },
        { "kidney RCC", Icd10, "C64.1", "8312/3", "RCC" },
        { "kidney RCC", IcdO3, "C64.9", "8312/3", "RCC" },
        { "kidney clear cell", Sct, "254915003", null, "CCRCC" },
        { "kidney clear cell", Icd10, "C64.2", "8310/3", "CCRCC" },
        { "kidney clear cell", IcdO3, "C64.9", "8310/3", "CCRCC" },
        { "cutaneous melanoma", Sct, "93655004", null, "MEL" },
        { "cutaneous melanoma", Icd10, "C43.5", "8720/3", "SKCM" },
        { "cutaneous melanoma", IcdO3, "C44.5", "8720/3", "SKCM" },
        { "ovary", Sct, "363443007", null, "OVARY" },
        { "ovary", Icd10, "C56.9", "8441/3", "SOC" },
        { "ovary", IcdO3, "C56.9", "8441/3", "SOC" },
        { "bladder", Sct, "399326009", null, "BLADDER" },
        { "bladder", Icd10, "C67.9", "8120/3", "BLCA" },
        { "bladder", IcdO3, "C67.2", "8120/3", "BLCA" },
        { "GIST", Sct, "420120006", null, "GIST" },
        { "GIST", Icd10, "C16.9", "8936/3", "GIST" },
        { "GIST", IcdO3, "C16.2", "8936/1", "GIST" },
        { "cholangiocarcinoma", Sct, "312104005", null, "CHOL" },
        { "cholangiocarcinoma", Icd10, "C22.1", null, "IHCH" },
        { "cholangiocarcinoma", Icd10, "C24.0", "8160/3", "CHOL" },
        { "cholangiocarcinoma", IcdO3, "C22.1", "8160/3", "IHCH" },
        { "gallbladder", Sct, "363353009", null, "GBC" },
        { "gallbladder", Icd10, "C23", null, "GBC" },
        { "gallbladder", IcdO3, "C23.9", "8140/3", "GBAD" },
        { "thyroid", Sct, "363478007", null, "THYROID" },
        { "thyroid", Icd10, "C73", "8260/3", "THPA" },
        { "thyroid", IcdO3, "C73.9", "8260/3", "THPA" },
        { "endometrium", Sct, "254878006", null, "UCEC" },
        { "endometrium", Icd10, "C54.1", "8380/3", "UEC" },
        { "endometrium", IcdO3, "C54.1", "8010/3", "UCEC" },
        { "salivary gland", Icd10, "C07", "8500/3", "SDCA" },
        { "salivary gland", Icd10, "C08.0", "8010/3", "SACA" },
        { "salivary gland", IcdO3, "C08.9", "8200/3", "ACYC" },
    };

    [Theory]
    [MemberData(nameof(RequiredTumourTypes))]
    public void Required_tumour_type_is_reachable(string tumour, string system, string code, string? morphology, string expected)
    {
        var actual = _crosswalk.ToOncotree(system, code, morphology is null ? null : IcdO3, morphology);

        Assert.True(_tree.IsCurrentCode(expected), $"test expectation {expected} for {tumour} is not an OncoTree code");
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("C34.11", "LUNG")]
    [InlineData("C3411", "LUNG")]
    [InlineData("c34.90", "LUNG")]
    [InlineData("C43.5", "MEL")]
    [InlineData("C18.9", "BOWEL")]
    public void Icd10_subcodes_fall_back_to_their_category(string code, string expected)
    {
        Assert.Equal(expected, _crosswalk.ToOncotree(Icd10, code));
    }

    [Theory]
    [InlineData(Sct, "999999999")]
    [InlineData(Icd10, "C80.1")]
    [InlineData("http://example.org/local", "C34")]
    public void Unknown_codes_map_to_nothing(string system, string code)
    {
        Assert.Null(_crosswalk.ToOncotree(system, code));
    }

    [Fact]
    public void Adenocarcinoma_of_the_appendix_is_not_colon_adenocarcinoma()
    {
        Assert.Equal("APAD", _crosswalk.ToOncotree(Icd10, "C18.1", IcdO3, "8140/3"));
    }

    [Fact]
    public void Site_only_code_without_morphology_keeps_the_site_node()
    {
        var match = _crosswalk.Resolve(Icd10, "C34.90", null, null);

        Assert.Equal(new TumorTypeMatch("LUNG", "LUNG", MorphologyOutcome.NotGiven), match);
    }

    [Fact]
    public void Given_NSCLC_diagnosis_When_morphology_says_small_cell_Then_NSCLC_stands_as_a_conflict()
    {
        var match = _crosswalk.Resolve(Sct, "254637007", IcdO3, "8041/3");

        Assert.Equal(new TumorTypeMatch("NSCLC", "NSCLC", MorphologyOutcome.Conflict), match);
    }

    [Fact]
    public void Given_NSCLC_diagnosis_When_morphology_says_adenocarcinoma_Then_LUAD()
    {
        var match = _crosswalk.Resolve(Sct, "254637007", IcdO3, "8140/3");

        Assert.Equal(new TumorTypeMatch("LUAD", "NSCLC", MorphologyOutcome.Refined), match);
    }

    [Fact]
    public void Given_skin_melanoma_code_When_morphology_is_squamous_Then_melanoma_stands()
    {
        Assert.Equal(MorphologyOutcome.Conflict, _crosswalk.Resolve(Icd10, "C43.9", IcdO3, "8070/3").Morphology);
    }

    [Fact]
    public void Melanoma_of_the_uvea_is_uveal_melanoma_not_a_skin_melanoma()
    {
        var code = _crosswalk.ToOncotree(Icd10, "C69.4", IcdO3, "8720/3");

        Assert.Equal("UM", code);
        Assert.False(_tree.IsSelfOrDescendantOf(code!, "MEL"));
    }

    [Fact]
    public void Inflammatory_carcinoma_of_breast_maps_outside_BRCA()
    {
        var code = _crosswalk.ToOncotree(Icd10, "C50.912", IcdO3, "8530/3");

        Assert.Equal("IBC", code);
        Assert.False(_tree.IsSelfOrDescendantOf(code!, "BRCA"));
    }

    [Fact]
    public void Snomed_adenocarcinoma_morphology_refines_like_icdo3_8140()
    {
        Assert.Equal("LUAD", _crosswalk.ToOncotree(Icd10, "C34.90", Sct, "35917007"));
    }

    [Theory]
    [InlineData("81403")]
    [InlineData("M-8140/3")]
    [InlineData("8140/6")] // metastatic-site behaviour describes the same histology
    public void Morphology_spellings_and_metastatic_behaviour_refine_like_8140_3(string morphology)
    {
        Assert.Equal("LUAD", _crosswalk.ToOncotree(IcdO3, "C34.1", IcdO3, morphology));
    }

    [Fact]
    public void GIST_morphology_decides_the_type_at_any_site_even_without_a_diagnosis_code()
    {
        var match = _crosswalk.Resolve(null, null, IcdO3, "8936/3");

        Assert.Equal(new TumorTypeMatch("GIST", null, MorphologyOutcome.SiteIndependent), match);
    }

    [Fact]
    public void Known_morphology_without_a_rule_at_the_site_keeps_the_site()
    {
        Assert.Equal(new TumorTypeMatch("LUNG", "LUNG", MorphologyOutcome.NoRule), _crosswalk.Resolve(Icd10, "C34.90", IcdO3, "8800/3"));
    }

    [Fact]
    public void Unrecognised_morphology_system_keeps_the_site_and_says_so()
    {
        var match = _crosswalk.Resolve(Icd10, "C34.90", "http://example.org/morphology", "ADENO");

        Assert.Equal(new TumorTypeMatch("LUNG", "LUNG", MorphologyOutcome.UnknownCode), match);
    }
}
