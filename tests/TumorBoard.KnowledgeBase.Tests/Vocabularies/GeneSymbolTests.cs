using TumorBoard.Core.Vocabularies;

namespace TumorBoard.KnowledgeBase.Tests.Vocabularies;

public sealed class GeneSymbolTests(VocabularyFixture fixture) : IClassFixture<VocabularyFixture>
{
    private readonly GeneSymbols _genes = fixture.Vocabulary.Genes;

    [Fact]
    public void Alias_HER2_resolves_to_ERBB2()
    {
        var resolution = _genes.Resolve("HER2");

        Assert.Equal("ERBB2", resolution.Symbol);
        Assert.Equal(GeneResolutionKind.Alias, resolution.Kind);
    }

    [Fact]
    public void Previous_symbol_MLL2_resolves_to_KMT2D_before_its_alias_meaning_KMT2B()
    {
        var resolution = _genes.Resolve("MLL2");

        Assert.Equal("KMT2D", resolution.Symbol);
        Assert.Equal(GeneResolutionKind.PreviousSymbol, resolution.Kind);
    }

    [Fact]
    public void Hgnc_id_3236_resolves_to_EGFR()
    {
        var resolution = _genes.Resolve("HGNC:3236");

        Assert.Equal("EGFR", resolution.Symbol);
        Assert.Equal(GeneResolutionKind.HgncId, resolution.Kind);
    }

    [Fact]
    public void Approved_symbol_EGFR_has_HGNC_id_3236()
    {
        Assert.Equal("HGNC:3236", _genes.HgncId("EGFR"));
    }

    [Fact]
    public void Only_approved_symbols_have_an_HGNC_id()
    {
        Assert.Null(_genes.HgncId("HER2"));
        Assert.Null(_genes.HgncId("egfr"));
        Assert.Equal("HGNC:3430", _genes.HgncId("ERBB2"));
    }

    [Fact]
    public void Alias_MLL4_is_ambiguous_between_KMT2B_and_KMT2D()
    {
        var resolution = _genes.Resolve("MLL4");

        Assert.Null(resolution.Symbol);
        Assert.Equal(GeneResolutionKind.Ambiguous, resolution.Kind);
        Assert.Equal(["KMT2B", "KMT2D"], resolution.Candidates);
    }

    [Theory]
    [InlineData("AR", "AR")] // also an alias of AKR1B1
    [InlineData("MET", "MET")] // also an alias of SLTM
    public void Approved_symbol_beats_an_alias_of_another_gene(string input, string expected)
    {
        var resolution = _genes.Resolve(input);

        Assert.Equal(expected, resolution.Symbol);
        Assert.Equal(GeneResolutionKind.Approved, resolution.Kind);
    }

    [Fact]
    public void Lower_case_input_resolves_like_upper_case()
    {
        Assert.Equal("ERBB2", _genes.Resolve("her2").Symbol);
        Assert.Equal("EGFR", _genes.Resolve(" egfr ").Symbol);
    }

    [Theory]
    [InlineData("NOTAGENE1")]
    [InlineData("HGNC:999999999")]
    [InlineData("")]
    public void Unknown_names_and_ids_resolve_to_unknown(string input)
    {
        var resolution = _genes.Resolve(input);

        Assert.Null(resolution.Symbol);
        Assert.Equal(GeneResolutionKind.Unknown, resolution.Kind);
    }

    [Fact]
    public void Snapshot_holds_only_approved_genes()
    {
        Assert.Equal(41562, _genes.Count);
    }
}
