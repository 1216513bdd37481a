using TumorBoard.Core.Vocabularies;

namespace TumorBoard.KnowledgeBase.Vocabularies;

/// <summary>
/// Builds Core's <see cref="Vocabulary"/> from the versioned data files shipped in this assembly (or from a
/// directory, for tests and tooling). Every file is validated; a malformed set throws
/// <see cref="KnowledgeBaseLoadException"/> listing each problem with file, line and reason.
/// </summary>
public static class VocabularyLoader
{
    private static readonly Lazy<Vocabulary> EmbeddedVocabulary = new(() => Load(VocabularyFiles.Embedded()));

    /// <summary>
    /// The vocabulary embedded in this assembly. Loaded once per process (thread-safe) and shared: the result is
    /// immutable, so the host can register it as a singleton and tests can call this freely.
    /// </summary>
    public static Vocabulary LoadEmbedded() => EmbeddedVocabulary.Value;

    /// <summary>Loads a fresh vocabulary from a directory holding <c>manifest.json</c> and the files it names.</summary>
    public static Vocabulary LoadFromDirectory(string directory) => Load(VocabularyFiles.FromDirectory(directory));

    /// <summary>Names of the embedded vocabulary files (data, licence and attribution).</summary>
    public static IReadOnlyList<string> EmbeddedFileNames => VocabularyFiles.EmbeddedNames();

    /// <summary>Writes the embedded files to a directory, e.g. to inspect shipped data or start a test from it.</summary>
    public static void ExportEmbedded(string directory)
    {
        Directory.CreateDirectory(directory);
        var files = VocabularyFiles.Embedded();
        foreach (var name in EmbeddedFileNames)
        {
            File.WriteAllBytes(Path.Combine(directory, name), files.Read(name)!);
        }
    }

    private static Vocabulary Load(VocabularyFiles source)
    {
        var errors = new LoadErrors();
        var manifestFile = Read(source, VocabularyFiles.ManifestFile, errors);
        var manifest = manifestFile is null ? null : VocabularyManifest.Read(manifestFile, errors);
        errors.ThrowIfAny();

        var files = VocabularyManifest.Roles.ToDictionary(role => role, role => Read(source, manifest!.Files[role].Name, errors));
        errors.ThrowIfAny();

        var renames = HgncFileReader.ReadRenames(files[VocabularyManifest.HgncRenames]!, errors);
        var genes = HgncFileReader.Read(files[VocabularyManifest.Hgnc]!, renames, errors);
        var tree = OncoTreeFileReader.Read(
            files[VocabularyManifest.OncoTree]!, files[VocabularyManifest.OncoTreeAliases]!, manifest!.Files[VocabularyManifest.OncoTree].Version, errors);
        tree = SiteHistologyReader.Apply(files[VocabularyManifest.SiteHistology]!, tree, errors);
        var crosswalk = CrosswalkFileReader.Read(files[VocabularyManifest.Crosswalk]!, tree, errors);
        var drugs = DrugFileReader.Read(files[VocabularyManifest.Drugs]!, errors);
        errors.ThrowIfAny();

        return new Vocabulary(genes, tree, crosswalk, drugs)
        {
            Version = manifest.Version,
            ContentHash = VocabularyContentHash.Of(files.Values.Prepend(manifestFile!).Select(f => f!)),
        };
    }

    private static DataFile? Read(VocabularyFiles source, string name, LoadErrors errors)
    {
        var bytes = source.Read(name);
        if (bytes is null)
        {
            errors.Add(name, null, "file not found");
            return null;
        }

        return new DataFile(name, bytes);
    }
}
