using TumorBoard.KnowledgeBase.Vocabularies;

namespace TumorBoard.KnowledgeBase.Tests.Vocabularies;

public sealed class VocabularyLoaderTests(VocabularyFixture fixture) : IClassFixture<VocabularyFixture>
{
    [Fact]
    public void Embedded_set_carries_its_manifest_version_and_a_sha256_content_hash()
    {
        Assert.Equal("2026.2", fixture.Vocabulary.Version);
        Assert.Matches("^sha256:[0-9a-f]{64}$", fixture.Vocabulary.ContentHash);
    }

    [Fact]
    public void Embedded_vocabulary_is_loaded_once_and_shared()
    {
        Assert.Same(VocabularyLoader.LoadEmbedded(), VocabularyLoader.LoadEmbedded());
    }

    [Fact]
    public void Embedded_files_include_the_data_and_the_OncoTree_licence_and_attribution()
    {
        Assert.Contains("manifest.json", VocabularyLoader.EmbeddedFileNames);
        Assert.Contains("oncotree-2025-10-03.tsv", VocabularyLoader.EmbeddedFileNames);
        Assert.Contains("ONCOTREE_LICENSE.md", VocabularyLoader.EmbeddedFileNames);
        Assert.Contains("ATTRIBUTION.md", VocabularyLoader.EmbeddedFileNames);
    }

    [Fact]
    public void Exported_files_load_to_the_same_version_and_hash_as_the_embedded_ones()
    {
        using var directory = new VocabularyDirectory();

        var loaded = directory.Load();

        Assert.Equal(fixture.Vocabulary.Version, loaded.Version);
        Assert.Equal(fixture.Vocabulary.ContentHash, loaded.ContentHash);
        Assert.Equal(fixture.Vocabulary.OncoTree.Count, loaded.OncoTree.Count);
    }

    [Fact]
    public void Changing_one_data_file_changes_the_content_hash()
    {
        using var directory = new VocabularyDirectory();
        directory.Replace("drugs.json", "One drug per line.", "One drug per line!");

        var loaded = directory.Load();

        Assert.NotEqual(fixture.Vocabulary.ContentHash, loaded.ContentHash);
    }

    [Fact]
    public void Licence_and_attribution_files_do_not_change_the_content_hash()
    {
        using var directory = new VocabularyDirectory();
        directory.Replace("ATTRIBUTION.md", "Vocabulary data", "Vocabulary data (edited)");

        Assert.Equal(fixture.Vocabulary.ContentHash, directory.Load().ContentHash);
    }
}
