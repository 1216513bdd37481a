using System.Text.Json.Nodes;

namespace TumorBoard.TestSupport.Fuzzing;

/// <summary>The location of one JSON leaf: property names (string) and array indexes (int) from the root.</summary>
public sealed class JsonPath(IReadOnlyList<object> steps)
{
    public IReadOnlyList<object> Steps { get; } = steps;

    public object Last => Steps[^1];

    public JsonPath Prefix(int length) => new(Steps.Take(length).ToList());

    /// <summary>The node that holds the last step, and the node at the path (null for a JSON null).</summary>
    public (JsonNode Parent, JsonNode? Leaf) Locate(JsonNode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        JsonNode parent = root;
        for (var i = 0; i < Steps.Count - 1; i++)
        {
            parent = Child(parent, Steps[i]) ?? throw new InvalidOperationException($"No node at {this}.");
        }

        return (parent, Child(parent, Last));
    }

    /// <summary>The deepest object property on the path: its object, its name and the step index of the name.</summary>
    public (JsonObject Owner, string Key, int Depth) NearestProperty(JsonNode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        for (var depth = Steps.Count - 1; depth >= 0; depth--)
        {
            if (Steps[depth] is string key)
            {
                var owner = depth == 0 ? root : Prefix(depth).Locate(root).Leaf!;
                return (owner.AsObject(), key, depth);
            }
        }

        throw new InvalidOperationException($"The path {this} has no property.");
    }

    public override string ToString() =>
        "$" + string.Concat(Steps.Select(s => s is int i ? $"[{i}]" : "." + s));

    private static JsonNode? Child(JsonNode node, object step) => step is int index ? node.AsArray()[index] : node.AsObject()[(string)step];
}
