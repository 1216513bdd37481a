using System.Text.Json.Nodes;
using TumorBoard.Core.Rules;
using TumorBoard.Core.Trials.Criteria;

namespace TumorBoard.KnowledgeBase.Ctml;

/// <summary>The tumour half of the CTML writer: OncoTree scopes as <c>oncotree_primary_diagnosis</c> clinical nodes.</summary>
public sealed partial class CtmlExporter
{
    private JsonObject? Tumor(TumorScope scope, bool negated, TrialCriterion criterion, string armId, List<string> lost)
    {
        var prefix = negated ? "!" : "";
        var include = scope.Kind switch
        {
            TumorScopeKind.AllSolid => ["_SOLID_"],
            TumorScopeKind.Listed when scope.Include.Count == 2 && scope.Include.Contains("LYMPH") && scope.Include.Contains("MYELOID") => ["_LIQUID_"],
            TumorScopeKind.Listed => scope.Include.Select(Name).ToList(),
            _ => new List<string>(),
        };
        var nodes = include.Select(n => Clinical("oncotree_primary_diagnosis", prefix + n)).ToList();
        if (negated && nodes.Count > 1)
        {
            // not (a or b) = (not a) and (not b).
            return new JsonObject { ["and"] = new JsonArray(nodes.Cast<JsonNode?>().ToArray()) };
        }

        if (scope.Exclude.Count > 0)
        {
            if (negated)
            {
                return Lose(criterion, "a negated tumour scope with exclusions", armId, lost);
            }

            var inScope = nodes.Count switch
            {
                0 => null,
                1 => nodes[0],
                _ => new JsonObject { ["or"] = new JsonArray(nodes.Cast<JsonNode?>().ToArray()) },
            };
            var all = scope.Exclude.Select(code => Clinical("oncotree_primary_diagnosis", "!" + Name(code))).ToList();
            if (inScope is not null)
            {
                all.Insert(0, inScope);
            }

            return all.Count == 1 ? all[0] : new JsonObject { ["and"] = new JsonArray(all.Cast<JsonNode?>().ToArray()) };
        }

        return nodes.Count switch
        {
            0 => null,
            1 => nodes[0],
            _ => new JsonObject { ["or"] = new JsonArray(nodes.Cast<JsonNode?>().ToArray()) },
        };
    }

    private string Name(string code) => oncoTree.Find(code)?.Name ?? code;

    private static JsonObject Clinical(string key, string value) => new() { ["clinical"] = new JsonObject { [key] = value } };
}
