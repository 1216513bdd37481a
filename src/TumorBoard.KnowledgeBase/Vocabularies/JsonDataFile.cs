using System.Text.Json;

namespace TumorBoard.KnowledgeBase.Vocabularies;

/// <summary>
/// A parsed JSON data file that can say on which line each element of a top-level array starts, so a semantic
/// error (unknown OncoTree code in the 37th entry) names its line, not just its index.
/// </summary>
internal sealed class JsonDataFile : IDisposable
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false };

    private readonly byte[] _utf8;
    private readonly int[] _lineStarts;

    private JsonDataFile(string name, byte[] utf8, JsonDocument document)
    {
        Name = name;
        _utf8 = utf8;
        Document = document;
        _lineStarts = [0, .. utf8.Select((b, i) => (b, i)).Where(x => x.b == (byte)'\n').Select(x => x.i + 1)];
    }

    public string Name { get; }

    public JsonDocument Document { get; }

    public JsonElement Root => Document.RootElement;

    /// <summary>The parsed file, or null after recording a syntax error with its line.</summary>
    public static JsonDataFile? Parse(DataFile file, LoadErrors errors)
    {
        var utf8 = file.Bytes.AsSpan().StartsWith("\uFEFF"u8) ? file.Bytes[3..] : file.Bytes;
        try
        {
            var document = JsonDocument.Parse(utf8, Options);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add(file.Name, 1, "the file must be a JSON object");
                document.Dispose();
                return null;
            }

            return new JsonDataFile(file.Name, utf8, document);
        }
        catch (JsonException e)
        {
            errors.Add(file.Name, (int?)e.LineNumber + 1, $"invalid JSON: {e.Message}");
            return null;
        }
    }

    /// <summary>The elements of a top-level array property with their 1-based start lines; empty when absent.</summary>
    public IReadOnlyList<(JsonElement Element, int Line)> ArrayWithLines(string property)
    {
        if (!Root.TryGetProperty(property, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var lines = ElementLines(property);
        return array.EnumerateArray().Select((element, i) => (element, i < lines.Count ? lines[i] : 1)).ToList();
    }

    /// <summary>The 1-based line of a top-level property, for errors about the property itself.</summary>
    public int LineOf(string property)
    {
        var reader = new Utf8JsonReader(_utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(property))
            {
                return LineAt(reader.TokenStartIndex);
            }
        }

        return 1;
    }

    public void Dispose() => Document.Dispose();

    private List<int> ElementLines(string property)
    {
        var lines = new List<int>();
        var reader = new Utf8JsonReader(_utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        while (reader.Read())
        {
            if (reader.CurrentDepth != 1 || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals(property))
            {
                continue;
            }

            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                break;
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                lines.Add(LineAt(reader.TokenStartIndex));
                reader.Skip();
            }

            break;
        }

        return lines;
    }

    private int LineAt(long byteOffset)
    {
        var index = Array.BinarySearch(_lineStarts, (int)byteOffset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }
}
