using System.IO.Compression;
using System.Text;
using TumorBoard.Core.Vocabularies;
using TumorBoard.KnowledgeBase.Vocabularies;

namespace TumorBoard.KnowledgeBase.Tests.Vocabularies;

/// <summary>A private copy of the embedded vocabulary files that a test may edit before loading.</summary>
public sealed class VocabularyDirectory : IDisposable
{
    private static readonly Lazy<string> Pristine = new(() =>
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"tumorboard-vocab-{Guid.NewGuid():N}");
        VocabularyLoader.ExportEmbedded(path);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(path, recursive: true);
        return path;
    });

    public VocabularyDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"tumorboard-vocab-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
        foreach (var file in Directory.GetFiles(Pristine.Value))
        {
            File.Copy(file, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(file)));
        }
    }

    public string Path { get; }

    public string Read(string file) => File.ReadAllText(System.IO.Path.Combine(Path, file));

    /// <summary>Replaces text in a file; fails the test if the text is not there, so an edit cannot silently miss.</summary>
    public void Replace(string file, string oldText, string newText)
    {
        var content = Read(file);
        Assert.Contains(oldText, content);
        File.WriteAllText(System.IO.Path.Combine(Path, file), content.Replace(oldText, newText, StringComparison.Ordinal));
    }

    public void ReplaceInGzip(string file, string oldText, string newText)
    {
        var path = System.IO.Path.Combine(Path, file);
        string content;
        using (var input = new GZipStream(File.OpenRead(path), CompressionMode.Decompress))
        using (var reader = new StreamReader(input, Encoding.UTF8))
        {
            content = reader.ReadToEnd();
        }

        Assert.Contains(oldText, content);
        using var output = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        output.Write(Encoding.UTF8.GetBytes(content.Replace(oldText, newText, StringComparison.Ordinal)));
    }

    public void Delete(string file) => File.Delete(System.IO.Path.Combine(Path, file));

    /// <summary>The 1-based line of the first line containing the text, after edits.</summary>
    public int LineOf(string file, string text) =>
        Read(file).Split('\n').Select((line, index) => (line, index)).First(l => l.line.Contains(text, StringComparison.Ordinal)).index + 1;

    public Vocabulary Load() => VocabularyLoader.LoadFromDirectory(Path);

    public KnowledgeBaseLoadException LoadFails() => Assert.Throws<KnowledgeBaseLoadException>(Load);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
