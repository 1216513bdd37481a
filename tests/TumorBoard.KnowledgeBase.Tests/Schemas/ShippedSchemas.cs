using System.Text.Json;
using Json.Schema;

namespace TumorBoard.KnowledgeBase.Tests.Schemas;

/// <summary>The documented formats in Data/schema, and the shipped data files each one describes.</summary>
internal static class ShippedSchemas
{
    public static string SchemaPath(string name) => Path.Combine(TestVocabulary.ShippedDataDirectory, "schema", name);

    /// <summary>
    /// Each load gets a registry of its own (the library's global one refuses a second schema with the same <c>$id</c>);
    /// the rule schema is always in it, because the trial schema refers to its matcher definition.
    /// </summary>
    public static JsonSchema Load(string name)
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var rule = JsonSchema.FromText(File.ReadAllText(SchemaPath("rule.schema.json")), options);
        return name == "rule.schema.json" ? rule : JsonSchema.FromText(File.ReadAllText(SchemaPath(name)), options);
    }

    public static IEnumerable<string> DataFiles(string folder) =>
        Directory.EnumerateFiles(Path.Combine(TestVocabulary.ShippedDataDirectory, folder), "*.json").Order(StringComparer.Ordinal);

    /// <summary>Every failure as "instance path: reason", so a failing test names the place in the data file.</summary>
    public static IReadOnlyList<string> Violations(JsonSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        return (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .DefaultIfEmpty("invalid (no detail)")
            .ToList();
    }
}
