using System.IO.Compression;
using System.Text;

namespace TumorBoard.KnowledgeBase.Vocabularies;

/// <summary>A loaded data file: its name, raw bytes (hashed) and UTF-8 text (gzip files are decompressed).</summary>
internal sealed record DataFile(string Name, byte[] Bytes)
{
    public string Text()
    {
        var bytes = Name.EndsWith(".gz", StringComparison.Ordinal) ? Gunzip(Bytes) : Bytes;
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
    }

    /// <summary>Lines without their terminators; a final empty line (trailing newline) is dropped.</summary>
    public IReadOnlyList<string> Lines()
    {
        var lines = Text().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    private static byte[] Gunzip(byte[] compressed)
    {
        using var input = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
