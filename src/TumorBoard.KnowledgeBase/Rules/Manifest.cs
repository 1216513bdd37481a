using TumorBoard.Core.Rules;

namespace TumorBoard.KnowledgeBase.Rules;

/// <summary>The knowledge base's manifest (<c>knowledge-base.json</c>): version, sources and defaults.</summary>
internal sealed record Manifest(
    string Version,
    decimal? DefaultAmplificationCopyNumber,
    IReadOnlyList<KnowledgeSource> Sources)
{
    /// <summary>Stand-in while the manifest itself is broken, so rule files are still checked.</summary>
    public static readonly Manifest Empty = new("", null, []);

    public static Manifest? Parse(LineNode root, NodeReader reader)
    {
        if (root is not LineObject node)
        {
            reader.Error(root.Line, "the manifest must be a JSON object");
            return null;
        }

        reader.OnlyProperties(node, "version", "defaultAmplificationCopyNumber", "sources");
        var version = reader.String(node, "version");
        var threshold = reader.Number(node, "defaultAmplificationCopyNumber", required: false);
        var sources = new List<KnowledgeSource>();
        foreach (var item in reader.Array(node, "sources")?.Items ?? [])
        {
            if (item is not LineObject source)
            {
                reader.Error(item.Line, "every source must be an object");
                continue;
            }

            reader.OnlyProperties(source, "id", "name", "url", "license", "note");
            var id = reader.String(source, "id");
            var name = reader.String(source, "name");
            if (id is not null && name is not null)
            {
                sources.Add(new KnowledgeSource(id, name, reader.String(source, "url", false), reader.String(source, "license", false), reader.String(source, "note", false)));
            }
        }

        return version is null ? null : new Manifest(version, threshold, sources);
    }
}
