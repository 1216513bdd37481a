using System.Reflection;

namespace TumorBoard.KnowledgeBase.Vocabularies;

/// <summary>Where vocabulary files come from: the resources embedded in this assembly, or a directory (tests, tooling).</summary>
internal abstract class VocabularyFiles
{
    public const string ManifestFile = "manifest.json";

    /// <summary>The file's bytes, or null when it does not exist.</summary>
    public abstract byte[]? Read(string fileName);

    public static VocabularyFiles Embedded() => new EmbeddedFiles();

    public static VocabularyFiles FromDirectory(string directory) => new DirectoryFiles(directory);

    /// <summary>Names of the embedded vocabulary files (data, licence and attribution).</summary>
    public static IReadOnlyList<string> EmbeddedNames() =>
        typeof(VocabularyFiles).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(EmbeddedFiles.Prefix, StringComparison.Ordinal))
            .Select(n => n[EmbeddedFiles.Prefix.Length..])
            .Order(StringComparer.Ordinal)
            .ToList();

    private sealed class EmbeddedFiles : VocabularyFiles
    {
        public const string Prefix = "vocabularies/";

        private static readonly Assembly Assembly = typeof(EmbeddedFiles).Assembly;

        public override byte[]? Read(string fileName)
        {
            using var stream = Assembly.GetManifestResourceStream(Prefix + fileName);
            if (stream is null)
            {
                return null;
            }

            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }
    }

    private sealed class DirectoryFiles(string directory) : VocabularyFiles
    {
        public override byte[]? Read(string fileName)
        {
            // Only plain file names: a manifest must not point outside its directory.
            if (fileName != Path.GetFileName(fileName))
            {
                return null;
            }

            var path = Path.Combine(directory, fileName);
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
        }
    }
}
