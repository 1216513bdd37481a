using TumorBoard.Core.Rules;
using TumorBoard.KnowledgeBase.Json;

namespace TumorBoard.KnowledgeBase.Rules;

/// <summary>The knowledge base's manifest (<c>knowledge-base.json</c>): version, sources and defaults.</summary>
internal sealed record Manifest(
    string Version,
    decimal? DefaultAmplificationCopyNumber,
    IReadOnlyList<KnowledgeSource> Sources)
{
    /// <summary>Stand-in while the manifest itself is broken, so rule files are still checked.</summary>
    public static readonly Manifest Empty = new("", null, []);

    public ClonalHaematopoiesisGenes ClonalHaematopoiesis { get; init; } = ClonalHaematopoiesisGenes.None;

    public GermlineReferralRule GermlineReferral { get; init; } = GermlineReferralRule.None;

    public static Manifest? Parse(LineNode root, NodeReader reader)
    {
        if (root is not LineObject node)
        {
            reader.Error(root.Line, "the manifest must be a JSON object");
            return null;
        }

        reader.OnlyProperties(node, "version", "defaultAmplificationCopyNumber", "sources", "clonalHaematopoiesis", "germlineReferral");
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

        var citations = new CitationParser(reader);
        var ch = ClonalHaematopoiesisGenes.None;
        if (reader.Object(node, "clonalHaematopoiesis", required: false) is { } chNode)
        {
            reader.OnlyProperties(chNode, "genes", "citations");
            var genes = reader.Strings(chNode, "genes", required: true);
            if (citations.List(chNode) is { } chCitations && genes.Count > 0)
            {
                ch = new ClonalHaematopoiesisGenes(genes.ToHashSet(StringComparer.Ordinal), chCitations);
            }
        }

        var germline = GermlineReferralRule.None;
        if (reader.Object(node, "germlineReferral", required: false) is { } gNode)
        {
            reader.OnlyProperties(gNode, "genes", "heterozygousVaf", "homozygousVafAtLeast", "citations");
            var genes = reader.Strings(gNode, "genes", required: true);
            var range = reader.Array(gNode, "heterozygousVaf");
            var high = reader.Number(gNode, "homozygousVafAtLeast");
            var bounds = range?.Items.Select(v => v is LineNumber n ? n.Value : -1m).ToList() ?? [];
            if (bounds.Count != 2 || bounds[0] < 0 || bounds[1] > 1 || bounds[0] > bounds[1] || high is not ({ } h and > 0 and <= 1))
            {
                reader.Error(gNode.Line, "'heterozygousVaf' must be [min, max] within 0..1 and 'homozygousVafAtLeast' within 0..1");
            }
            else if (citations.List(gNode) is { } gCitations && genes.Count > 0)
            {
                germline = new GermlineReferralRule(genes.ToHashSet(StringComparer.Ordinal), bounds[0], bounds[1], h, gCitations);
            }
        }

        return version is null ? null : new Manifest(version, threshold, sources) { ClonalHaematopoiesis = ch, GermlineReferral = germline };
    }
}
