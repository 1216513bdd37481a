using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TumorBoard.KnowledgeBase.Ctml;

/// <summary>Reads a CTML document from JSON or YAML text into one JSON tree (YAML mappings, sequences and scalars).</summary>
public static class CtmlText
{
    /// <summary>The document's root, or a problem at <c>$</c> saying why the text is not JSON/YAML.</summary>
    public static (JsonNode? Root, CtmlProblem? Problem) Parse(string text, bool yaml)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return (yaml ? FromYaml(text) : JsonNode.Parse(text), null);
        }
        catch (JsonException e)
        {
            return (null, new CtmlProblem("$", $"malformed JSON: {e.Message}"));
        }
        catch (YamlException e)
        {
            return (null, new CtmlProblem("$", $"malformed YAML at line {e.Start.Line.ToString(CultureInfo.InvariantCulture)}: {e.Message}"));
        }
    }

    private static JsonNode? FromYaml(string text)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(text);
        stream.Load(reader);
        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (key, value) in map.Children)
                {
                    var name = key is YamlScalarNode s ? s.Value ?? "" : key.ToString();
                    if (obj.ContainsKey(name))
                    {
                        throw new YamlException(key.Start, key.End, $"duplicate key '{name}'");
                    }

                    obj[name] = Convert(value);
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Children)
                {
                    array.Add(Convert(item));
                }

                return array;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                return null;
        }
    }

    /// <summary>YAML 1.2 core schema for plain scalars (null, booleans, integers, floats); quoted scalars stay text, so 'N' and '2' are kept as written.</summary>
    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return JsonValue.Create(value);
        }

        if (value is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return JsonValue.Create(value.StartsWith('t') || value.StartsWith('T'));
        }

        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        return decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            && value.Contains('.', StringComparison.Ordinal)
            ? JsonValue.Create(number)
            : JsonValue.Create(value);
    }
}
