using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using TumorBoard.Core.Vocabularies;

namespace TumorBoard.KnowledgeBase.Civic;

/// <summary>
/// The import as one reproducible step over the repository's files: the vendored snapshot
/// (<c>Data/civic/civic-evidence-2026-05.tsv.gz</c>, its SHA-256 checked) and the curated disease and variant-class
/// maps beside it. Used by <c>tools/TumorBoard.CivicImport</c> and by the test that proves the committed data file is
/// what the importer makes. The service never calls it.
/// </summary>
public static class CivicImportFiles
{
    public const string Folder = "src/TumorBoard.KnowledgeBase/Data/civic";
    public const string Snapshot = "civic-evidence-2026-05.tsv.gz";
    public const string SnapshotSha256 = "6228a09011dab2d19025ec48bb6bf9dbded0c23cef56063d63506b7a2c44f56d";
    public const string DiseaseMap = "disease-oncotree.tsv";
    public const string VariantClasses = "variant-classes.json";
    public const string Output = "civic-rules.json";
    public const string SourceUrl = "https://civicdb.org/downloads/nightly/nightly-ClinicalEvidenceSummaries.tsv";

    /// <summary>Runs the importer over the files under <paramref name="repositoryRoot"/>; writes nothing.</summary>
    public static CivicImportResult Run(string repositoryRoot, Vocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        var folder = Path.Combine(repositoryRoot, Folder);
        var tsvBytes = Decompress(File.ReadAllBytes(Path.Combine(folder, Snapshot)));
        var sha = Convert.ToHexStringLower(SHA256.HashData(tsvBytes));
        if (!string.Equals(sha, SnapshotSha256, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{Snapshot}: SHA-256 {sha} is not the vendored snapshot's {SnapshotSha256} (see SOURCE.md)");
        }

        var importer = new CivicImporter(
            new CivicVariantMapper(vocabulary.Genes, CivicVariantMapper.ParseClasses(File.ReadAllText(Path.Combine(folder, VariantClasses)))),
            CivicDiseaseMap.Parse(File.ReadAllText(Path.Combine(folder, DiseaseMap))),
            new CivicTherapyMapper(vocabulary.Drugs));
        return importer.Import(
            Encoding.UTF8.GetString(tsvBytes),
            new CivicImporter.SnapshotSource("civic/" + Snapshot, SnapshotSha256, SourceUrl, "CC0 1.0 Universal"));
    }

    /// <summary>The path the data file is committed at.</summary>
    public static string OutputPath(string repositoryRoot) => Path.Combine(repositoryRoot, Folder, Output);

    /// <summary>The nearest folder at or above <paramref name="start"/> holding TumorBoard.sln.</summary>
    public static string FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TumorBoard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no TumorBoard.sln at or above {start}");
    }

    private static byte[] Decompress(byte[] gzip)
    {
        using var input = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
