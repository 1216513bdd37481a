using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace TumorBoard.KnowledgeBase.Rules;

/// <summary>One knowledge-base data file: its path relative to the data root (<c>rules/lung.json</c>) and bytes.</summary>
[SuppressMessage("Performance", "CA1819:Properties should not return arrays", Justification = "A data file's raw bytes, handed to the JSON reader and the content hash as they are.")]
public sealed record KnowledgeBaseFile(string Path, byte[] Content)
{
    private const string ResourcePrefix = "Data/";

    /// <summary>The data files embedded in this assembly whose path starts with <paramref name="folder"/> (empty: all).</summary>
    public static IReadOnlyList<KnowledgeBaseFile> Embedded(string folder = "")
    {
        var assembly = typeof(KnowledgeBaseFile).Assembly;
        var files = new List<KnowledgeBaseFile>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            var path = name.Replace('\\', '/');
            if (!path.StartsWith(ResourcePrefix + folder, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            files.Add(new KnowledgeBaseFile(path[ResourcePrefix.Length..], buffer.ToArray()));
        }

        return files;
    }

    /// <summary>SHA-256 over each file's path, a NUL, its length and its bytes, in the given (path) order.</summary>
    public static string Hash(IEnumerable<KnowledgeBaseFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes($"{file.Path}\0{file.Content.Length}\0"));
            sha.AppendData(file.Content);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
