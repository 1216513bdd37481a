using TumorBoard.Core.Rules;
using TumorBoard.Core.Vocabularies;
using TumorBoard.KnowledgeBase.Json;

namespace TumorBoard.KnowledgeBase.Rules;

/// <summary>
/// Reads a tumour scope, for a rule's <c>tumor</c> and a trial's <c>tumor</c> criterion alike: listed OncoTree codes
/// (each covering its descendants), all solid tumours, or all tumours, each with optional exclusions.
/// </summary>
internal sealed class TumorScopeParser(NodeReader reader, OncoTree oncoTree)
{
    /// <param name="node">The <c>tumor</c> object.</param>
    /// <param name="exclusionsAloneMeanAllTumors">
    /// A trial criterion may list only exclusions ("any tumour but these"); a rule names the tumours it is about.
    /// </param>
    public TumorScope? Parse(LineObject node, bool exclusionsAloneMeanAllTumors)
    {
        reader.OnlyProperties(node, "scope", "include", "exclude");
        var scopeText = reader.String(node, "scope", required: false) ?? "listed";
        var include = Codes(node, "include");
        var exclude = Codes(node, "exclude");
        TumorScopeKind? kind = scopeText switch
        {
            "listed" => TumorScopeKind.Listed,
            "allSolid" => TumorScopeKind.AllSolid,
            "allTumors" => TumorScopeKind.AllTumors,
            _ => null,
        };
        if (kind is null)
        {
            reader.Error(node["scope"]!.Line, $"scope '{scopeText}' must be 'listed', 'allSolid' or 'allTumors'");
            return null;
        }

        if (include is null || exclude is null)
        {
            return null;
        }

        if (kind == TumorScopeKind.Listed && include.Count == 0)
        {
            if (!exclusionsAloneMeanAllTumors)
            {
                reader.Error(node.Line, "a listed tumour scope needs OncoTree codes in 'include'");
                return null;
            }

            if (exclude.Count == 0)
            {
                reader.Error(node.Line, "a tumour criterion needs 'include' or 'exclude' codes");
                return null;
            }

            kind = TumorScopeKind.AllTumors;
        }

        if (kind != TumorScopeKind.Listed && include.Count > 0)
        {
            reader.Error(node["include"]!.Line, $"scope '{scopeText}' takes no 'include' codes");
            return null;
        }

        return new TumorScope(kind.Value, include, exclude);
    }

    private List<string>? Codes(LineObject node, string name)
    {
        var codes = new List<string>();
        var valid = true;
        foreach (var code in reader.Strings(node, name))
        {
            if (oncoTree.Find(code) is { } found)
            {
                codes.Add(found.Code);
            }
            else
            {
                reader.Error(node[name]!.Line, $"unknown OncoTree code '{code}' (OncoTree {oncoTree.Version})");
                valid = false;
            }
        }

        return valid ? codes : null;
    }
}
