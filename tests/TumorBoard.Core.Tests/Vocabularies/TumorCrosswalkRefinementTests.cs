using TumorBoard.Core.Vocabularies;

namespace TumorBoard.Core.Tests.Vocabularies;

/// <summary>The refinement logic on a hand-built miniature tree, independent of the shipped data.</summary>
public sealed class TumorCrosswalkRefinementTests
{
    private const string Icd10 = TumorCrosswalk.Icd10Cm;
    private const string IcdO3 = TumorCrosswalk.IcdO3;

    private static readonly OncoTree Tree = new("test", [
        new OncoTreeNode("LUNG", "Lung", "Lung", "LUNG", null),
        new OncoTreeNode("NSCLC", "Non-Small Cell Lung Cancer", "NSCLC", "LUNG", "LUNG"),
        new OncoTreeNode("LUAD", "Lung Adenocarcinoma", "NSCLC", "LUNG", "NSCLC"),
        new OncoTreeNode("SCLC", "Small Cell Lung Cancer", "SCLC", "LUNG", "LUNG"),
        new OncoTreeNode("SOFT_TISSUE", "Soft Tissue", "Soft Tissue", "SOFT_TISSUE", null),
        new OncoTreeNode("GIST", "Gastrointestinal Stromal Tumor", "GIST", "SOFT_TISSUE", "SOFT_TISSUE"),
    ]);

    private static readonly TumorCrosswalk Crosswalk = new(
        [
            new TumorCodeMapping(Icd10, "C34", "LUNG", "C34"),
            new TumorCodeMapping(TumorCrosswalk.Snomed, "254637007", "NSCLC", "C34"),
        ],
        [
            new MorphologyRule("C34", "8140/3", "LUAD"),
            new MorphologyRule("C34", "8041/3", "SCLC"),
            new MorphologyRule(null, "8936/3", "GIST"),
        ],
        [new MorphologyEquivalent(TumorCrosswalk.Snomed, "35917007", "8140/3")],
        Tree);

    [Fact]
    public void Site_code_refined_by_adenocarcinoma_is_LUAD()
    {
        Assert.Equal(new TumorTypeMatch("LUAD", "LUNG", MorphologyOutcome.Refined), Crosswalk.Resolve(Icd10, "C34.11", IcdO3, "8140/3"));
    }

    [Fact]
    public void Refinement_never_leaves_the_diagnosis_node()
    {
        Assert.Equal(new TumorTypeMatch("NSCLC", "NSCLC", MorphologyOutcome.Conflict), Crosswalk.Resolve(TumorCrosswalk.Snomed, "254637007", IcdO3, "8041/3"));
    }

    [Fact]
    public void Without_a_tree_the_refinement_is_not_checked_against_the_diagnosis_node()
    {
        var withoutTree = new TumorCrosswalk(
            [new TumorCodeMapping(TumorCrosswalk.Snomed, "254637007", "NSCLC", "C34")], [new MorphologyRule("C34", "8041/3", "SCLC")], [], null);

        Assert.Equal("SCLC", withoutTree.ToOncotree(TumorCrosswalk.Snomed, "254637007", IcdO3, "8041/3"));
    }

    [Fact]
    public void Site_independent_morphology_overrides_an_unrelated_site()
    {
        Assert.Equal(new TumorTypeMatch("GIST", "LUNG", MorphologyOutcome.SiteIndependent), Crosswalk.Resolve(Icd10, "C34.9", IcdO3, "8936/3"));
    }

    [Fact]
    public void Snomed_morphology_is_translated_through_its_ICD_O_3_equivalent()
    {
        Assert.Equal("LUAD", Crosswalk.ToOncotree(Icd10, "C34.9", TumorCrosswalk.Snomed, "35917007"));
    }

    [Fact]
    public void Legacy_three_argument_constructor_still_maps_codes_and_categories()
    {
        var legacy = new TumorCrosswalk([(Icd10, "C34", "LUNG")]);

        Assert.Equal("LUNG", legacy.ToOncotree(Icd10, "C34.11"));
        Assert.Equal(new TumorTypeMatch("LUNG", "LUNG", MorphologyOutcome.NoRule), legacy.Resolve(Icd10, "C34.11", IcdO3, "8140/3"));
    }

    [Theory]
    [InlineData("8140/3", "8140/3")]
    [InlineData("81403", "8140/3")]
    [InlineData(" m-8140/3 ", "8140/3")]
    [InlineData("8140-3", "8140/3")]
    public void Morphology_spellings_normalise_to_dddd_slash_d(string input, string expected)
    {
        Assert.Equal(expected, TumorCodes.NormalizeMorphology(input));
    }
}
