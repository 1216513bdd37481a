using System.Globalization;
using System.Text.Json;

namespace TumorBoard.KnowledgeBase.Json;

/// <summary>A JSON value with the 1-based line it starts on, so validation errors can name the line.</summary>
internal abstract record LineNode(int Line);

internal sealed record LineObject(int Line, IReadOnlyList<LineProperty> Properties) : LineNode(Line)
{
    public LineNode? this[string name] => Properties.FirstOrDefault(p => p.Name == name)?.Value;

    /// <summary>The line of a property's name, or the object's own line when it is absent.</summary>
    public int LineOf(string name) => Properties.FirstOrDefault(p => p.Name == name)?.Line ?? Line;
}

internal sealed record LineProperty(string Name, int Line, LineNode Value);

internal sealed record LineArray(int Line, IReadOnlyList<LineNode> Items) : LineNode(Line);

internal sealed record LineString(int Line, string Value) : LineNode(Line);

internal sealed record LineNumber(int Line, decimal Value, string Raw) : LineNode(Line);

internal sealed record LineBool(int Line, bool Value) : LineNode(Line);

internal sealed record LineNull(int Line) : LineNode(Line);

/// <summary>
/// The knowledge base's one JSON reader (rules, trials, vocabularies): reads JSON into <see cref="LineNode"/>s
/// with <see cref="Utf8JsonReader"/> (comments allowed, trailing commas not), so every later check can name the
/// line. Malformed JSON throws <see cref="JsonException"/>, whose LineNumber is zero-based.
/// </summary>
internal static class LineJson
{
    /// <summary>The parsed top-level object, or null after recording why the file is not one (with the line).</summary>
    public static LineObject? ParseObject(string file, byte[] utf8, LoadErrors errors)
    {
        try
        {
            if (Parse(utf8.AsSpan().StartsWith("\uFEFF"u8) ? utf8[3..] : utf8) is LineObject root)
            {
                return root;
            }

            errors.Add(file, 1, "the file must be a JSON object");
        }
        catch (JsonException ex)
        {
            errors.Add(file, (int)(ex.LineNumber ?? 0) + 1, $"malformed JSON: {ex.Message}");
        }

        return null;
    }

    public static LineNode Parse(byte[] utf8)
    {
        var lineStarts = LineStarts(utf8);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!reader.Read())
        {
            throw new JsonException("The file is empty.", null, 0, 0);
        }

        var node = ReadValue(ref reader, lineStarts);
        if (reader.Read())
        {
            throw new JsonException("Unexpected content after the top-level value.", null, LineOf(lineStarts, reader.TokenStartIndex) - 1, 0);
        }

        return node;
    }

    private static LineNode ReadValue(ref Utf8JsonReader reader, List<long> lineStarts)
    {
        var line = LineOf(lineStarts, reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var properties = new List<LineProperty>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    var nameLine = LineOf(lineStarts, reader.TokenStartIndex);
                    reader.Read();
                    properties.Add(new LineProperty(name, nameLine, ReadValue(ref reader, lineStarts)));
                }

                return new LineObject(line, properties);
            case JsonTokenType.StartArray:
                var items = new List<LineNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, lineStarts));
                }

                return new LineArray(line, items);
            case JsonTokenType.String:
                return new LineString(line, reader.GetString()!);
            case JsonTokenType.Number:
                var raw = System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
                return new LineNumber(line, decimal.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture), raw);
            case JsonTokenType.True:
            case JsonTokenType.False:
                return new LineBool(line, reader.GetBoolean());
            default:
                return new LineNull(line);
        }
    }

    private static List<long> LineStarts(byte[] utf8)
    {
        var starts = new List<long> { 0 };
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static int LineOf(List<long> lineStarts, long offset)
    {
        var index = lineStarts.BinarySearch(offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }
}
