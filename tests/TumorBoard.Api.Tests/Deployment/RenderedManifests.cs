using System.Diagnostics;
using System.Text.Json.Nodes;
using TumorBoard.Api.Tests.Infrastructure;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace TumorBoard.Api.Tests.Deployment;

/// <summary>
/// An overlay of deploy/k8s rendered by <c>kubectl kustomize</c> (no cluster involved), as JSON nodes.
/// kubectl is installed by scripts/ensure-kubectl.sh (test.sh runs it). Scalars stay strings, as in YAML.
/// </summary>
public sealed class RenderedManifests
{
    private RenderedManifests(List<JsonObject> objects) => Objects = objects;

    public IReadOnlyList<JsonObject> Objects { get; }

    public static RenderedManifests Render(string overlay)
    {
        var directory = Path.Combine(RepositoryRoot.Path, "deploy", "k8s", "overlays", overlay);
        var start = new ProcessStartInfo("kubectl", ["kustomize", directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start (run scripts/ensure-kubectl.sh)");
        var stderr = process.StandardError.ReadToEndAsync();
        var yaml = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"kubectl kustomize {directory} failed: {stderr.Result}");
        }

        return new RenderedManifests(Parse(yaml));
    }

    public IEnumerable<JsonObject> OfKind(string kind) => Objects.Where(o => (string?)o["kind"] == kind);

    public JsonObject Named(string kind, string name) =>
        Assert.Single(OfKind(kind), o => (string?)o["metadata"]?["name"] == name);

    /// <summary>Pod specs of everything that runs containers.</summary>
    public IEnumerable<(string Owner, JsonObject PodSpec)> PodSpecs() =>
        Objects.Where(o => o["spec"]?["template"]?["spec"] is JsonObject)
            .Select(o => ($"{o["kind"]}/{o["metadata"]!["name"]}", (JsonObject)o["spec"]!["template"]!["spec"]!));

    private static List<JsonObject> Parse(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var deserializer = new DeserializerBuilder().Build();
        parser.Consume<StreamStart>();
        var objects = new List<JsonObject>();
        while (parser.Accept<DocumentStart>(out _))
        {
            if (ToJson(deserializer.Deserialize<object>(parser)) is JsonObject document)
            {
                objects.Add(document);
            }
        }

        return objects;
    }

    private static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        IDictionary<object, object> map => new JsonObject(map.Select(e => KeyValuePair.Create(e.Key.ToString()!, ToJson(e.Value)))),
        IList<object> list => new JsonArray(list.Select(ToJson).ToArray()),
        _ => JsonValue.Create(value.ToString()),
    };
}
