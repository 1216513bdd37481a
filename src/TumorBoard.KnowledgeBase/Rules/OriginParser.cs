using TumorBoard.Core.Rules;
using TumorBoard.KnowledgeBase.Json;

namespace TumorBoard.KnowledgeBase.Rules;

/// <summary>Reads the optional <c>origin</c> a rule context or a trial's genomic criterion requires (default any).</summary>
internal static class OriginParser
{
    /// <summary>Null, with the error recorded, when the text is not any, germline or somatic.</summary>
    public static RequiredOrigin? Parse(NodeReader reader, LineObject node)
    {
        var originText = reader.String(node, "origin", required: false) ?? "any";
        RequiredOrigin? origin = originText switch
        {
            "any" => RequiredOrigin.Any,
            "germline" => RequiredOrigin.Germline,
            "somatic" => RequiredOrigin.Somatic,
            _ => null,
        };
        if (origin is null)
        {
            reader.Error(node["origin"]!.Line, $"origin '{originText}' must be 'any', 'germline' or 'somatic'");
        }

        return origin;
    }
}
