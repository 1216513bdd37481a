using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TumorBoard.KnowledgeBase.Ctml;

/// <summary>
/// Writes a CTML document as YAML, the form MatchMiner's curators edit. Every string is double-quoted so that values
/// such as <c>arm_suspended: "N"</c>, protein changes and codes stay text when read back (YAML 1.1 readers turn a plain
/// <c>N</c> or <c>no</c> into a boolean); numbers, booleans and nulls are plain. <see cref="CtmlText.Parse"/> reads
/// the result back into the same JSON tree.
/// </summary>
public static class CtmlYaml
{
    public static string Write(JsonNode document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var stream = new YamlStream(new YamlDocument(ToYaml(document)));
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static YamlNode ToYaml(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var map = new YamlMappingNode();
                foreach (var (key, value) in obj)
                {
                    map.Add(Quoted(key), ToYaml(value));
                }

                return map;
            case JsonArray array:
                var sequence = new YamlSequenceNode();
                foreach (var item in array)
                {
                    sequence.Add(ToYaml(item));
                }

                return sequence;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return Quoted(value.GetValue<string>());
            case JsonValue value:
                return new YamlScalarNode(value.ToJsonString()) { Style = ScalarStyle.Plain };
            default:
                return new YamlScalarNode("null") { Style = ScalarStyle.Plain };
        }
    }

    private static YamlScalarNode Quoted(string text) => new(text) { Style = ScalarStyle.DoubleQuoted };
}
