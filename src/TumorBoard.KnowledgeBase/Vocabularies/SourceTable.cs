using TumorBoard.KnowledgeBase.Json;

namespace TumorBoard.KnowledgeBase.Vocabularies;

/// <summary>The <c>sources</c> object of a curated JSON file: id -> citation. Every entry must cite one of them.</summary>
internal static class SourceTable
{
    public static HashSet<string> Read(LineObject root, NodeReader reader)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (root["sources"] is not LineObject sources)
        {
            reader.Error(root.LineOf("sources"), "'sources' must be an object of source id -> citation");
            return ids;
        }

        foreach (var source in sources.Properties)
        {
            if (source.Value is not LineString { Value: var citation } || string.IsNullOrWhiteSpace(citation))
            {
                reader.Error(source.Line, $"source '{source.Name}' needs a citation text");
            }

            ids.Add(source.Name);
        }

        return ids;
    }

    /// <summary>Records an error unless the entry cites a declared source.</summary>
    public static void Check(NodeReader reader, LineObject entry, string? sourceId, HashSet<string> declared, string what)
    {
        if (sourceId is not null && !declared.Contains(sourceId))
        {
            reader.Error(entry.Line, $"{what} cites unknown source '{sourceId}' (declare it under 'sources')");
        }
    }
}
