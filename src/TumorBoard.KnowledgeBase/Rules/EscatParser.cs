using TumorBoard.Core.Rules;
using TumorBoard.KnowledgeBase.Json;

namespace TumorBoard.KnowledgeBase.Rules;

/// <summary>Reads an <c>escat</c> object (tier and citation), as rule entries and trial arms both carry it.</summary>
internal static class EscatParser
{
    public static EscatAssignment? Parse(NodeReader reader, CitationParser citations, LineObject node)
    {
        reader.OnlyProperties(node, "tier", "citation");
        var tier = reader.String(node, "tier");
        if (tier is not null && !EscatAssignment.Tiers.Contains(tier))
        {
            reader.Error(node["tier"]!.Line, $"'{tier}' is not an ESCAT tier ({string.Join(", ", EscatAssignment.Tiers)})");
            return null;
        }

        var citation = reader.Object(node, "citation") is { } c ? citations.One(c) : null;
        return tier is null || citation is null ? null : new EscatAssignment(tier, citation);
    }
}
