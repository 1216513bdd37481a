using TumorBoard.Core.Rules;
using TumorBoard.Core.Vocabularies;
using TumorBoard.KnowledgeBase.Json;

namespace TumorBoard.KnowledgeBase.Rules;

/// <summary>Reads a rule's <c>tumor</c> scope: listed OncoTree codes (each covering its descendants), all solid tumours, or all tumours.</summary>
internal sealed class TumorScopeParser(NodeReader reader, OncoTree oncoTree)
{
    public TumorScope? Parse(LineObject node)
    {
        reader.OnlyProperties(node, "scope", "include", "exclude");
        var scopeText = reader.String(node, "scope", required: false) ?? "listed";
        var include = Codes(node, "include");
        var exclude = Codes(node, "exclude");
        TumorScopeKind kind;
        switch (scopeText)
        {
            case "listed": kind = TumorScopeKind.Listed; break;
            case "allSolid": kind = TumorScopeKind.AllSolid; break;
            case "allTumors": kind = TumorScopeKind.AllTumors; break;
            default:
                reader.Error(node["scope"]!.Line, $"scope '{scopeText}' must be 'listed', 'allSolid' or 'allTumors'");
                return null;
        }

        if (include is null || exclude is null)
        {
            return null;
        }

        if (kind == TumorScopeKind.Listed && include.Count == 0)
        {
            reader.Error(node.Line, "a listed tumour scope needs OncoTree codes in 'include'");
            return null;
        }

        if (kind != TumorScopeKind.Listed && include.Count > 0)
        {
            reader.Error(node["include"]!.Line, $"scope '{scopeText}' takes no 'include' codes");
            return null;
        }

        return new TumorScope(kind, include, exclude);
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
