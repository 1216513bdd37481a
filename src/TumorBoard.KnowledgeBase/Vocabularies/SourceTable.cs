using System.Text.Json;

namespace TumorBoard.KnowledgeBase.Vocabularies;

/// <summary>The <c>sources</c> object of a curated JSON file: id -> citation. Every entry must cite one of them.</summary>
internal static class SourceTable
{
    public static HashSet<string> Read(JsonDataFile json, LoadErrors errors)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (!json.Root.TryGetProperty("sources", out var sources) || sources.ValueKind != JsonValueKind.Object)
        {
            errors.Add(json.Name, 1, "'sources' must be an object of source id -> citation");
            return ids;
        }

        foreach (var source in sources.EnumerateObject())
        {
            if (source.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(source.Value.GetString()))
            {
                errors.Add(json.Name, json.LineOf("sources"), $"source '{source.Name}' needs a citation text");
            }

            ids.Add(source.Name);
        }

        return ids;
    }

    /// <summary>Records an error unless the entry cites a declared source.</summary>
    public static void Check(JsonEntry entry, string? sourceId, HashSet<string> declared, string what)
    {
        if (sourceId is not null && !declared.Contains(sourceId))
        {
            entry.Error($"{what} cites unknown source '{sourceId}' (declare it under 'sources')");
        }
    }

    /// <summary>Records an error unless the top-level 'version' is a non-empty string.</summary>
    public static string? Version(JsonDataFile json, LoadErrors errors) =>
        new JsonEntry(json.Root, json.Name, json.LineOf("version"), "the file", errors).Required("version");
}
