using System.Text.RegularExpressions;
using TumorBoard.Core.Rules;
using TumorBoard.KnowledgeBase.Json;

namespace TumorBoard.KnowledgeBase.Rules;

/// <summary>Reads and checks citations: a PMID is digits, an NCT id is NCT plus 8 digits, a URL is http(s).</summary>
internal sealed partial class CitationParser(NodeReader reader)
{
    public IReadOnlyList<Citation>? List(LineObject entry)
    {
        var array = reader.Array(entry, "citations");
        if (array is null)
        {
            return null;
        }

        if (array.Items.Count == 0)
        {
            reader.Error(array.Line, "a rule needs at least one citation");
            return null;
        }

        var citations = new List<Citation>();
        foreach (var item in array.Items)
        {
            if (item is LineObject node && One(node) is { } citation)
            {
                citations.Add(citation);
            }
            else if (item is not LineObject)
            {
                reader.Error(item.Line, "every citation must be an object with 'type' and 'id'");
            }
        }

        return citations.Count == array.Items.Count ? citations : null;
    }

    public Citation? One(LineObject node)
    {
        reader.OnlyProperties(node, "type", "id", "note");
        var type = reader.String(node, "type");
        var id = reader.String(node, "id");
        var note = reader.String(node, "note", required: false);
        if (type is null || id is null)
        {
            return null;
        }

        (CitationType? kind, var valid) = type switch
        {
            "pmid" => ((CitationType?)CitationType.Pmid, PmidPattern().IsMatch(id)),
            "nct" => (CitationType.Nct, IsNctId(id)),
            "url" => (CitationType.Url, id.StartsWith("https://", StringComparison.Ordinal) || id.StartsWith("http://", StringComparison.Ordinal)),
            "fda" => (CitationType.Fda, true),
            _ => (null, false),
        };
        if (kind is null)
        {
            reader.Error(node["type"]!.Line, $"citation type '{type}' must be pmid, fda, nct or url");
            return null;
        }

        if (!valid)
        {
            reader.Error(node["id"]!.Line, $"'{id}' is not a valid {type} identifier");
            return null;
        }

        return new Citation(kind.Value, id, note);
    }

    [GeneratedRegex(@"^\d{1,9}$")]
    private static partial Regex PmidPattern();

    /// <summary>Whether <paramref name="id"/> is a ClinicalTrials.gov id (NCT and eight digits); trial packs use it too.</summary>
    public static bool IsNctId(string id) => NctPattern().IsMatch(id);

    [GeneratedRegex(@"^NCT\d{8}$")]
    private static partial Regex NctPattern();
}
