using System.Text;
using System.Text.RegularExpressions;

namespace TumorBoard.Api.Tests.Architecture;

/// <summary>
/// The dependency graph between the Api's feature folders (Features/&lt;name&gt;) and the shared read models
/// (ReadModels), read from the source: an edge A -&gt; B when a C# or Razor file under A names B's namespace
/// (a using, or a qualified name). Source, not reflection, so a using that only brings in a type counts too.
/// </summary>
internal sealed partial class FeatureGraph
{
    public const string ReadModels = "ReadModels";

    private FeatureGraph(SortedDictionary<string, SortedSet<string>> edges) => Edges = edges;

    /// <summary>Every node with the nodes it depends on, in ordinal order.</summary>
    public SortedDictionary<string, SortedSet<string>> Edges { get; }

    public static FeatureGraph Read(string apiDirectory)
    {
        var nodes = Directory.GetDirectories(Path.Combine(apiDirectory, "Features")).ToDictionary(d => Path.GetFileName(d)!, d => d, StringComparer.Ordinal);
        nodes[ReadModels] = Path.Combine(apiDirectory, ReadModels);
        var edges = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (node, directory) in nodes)
        {
            var targets = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal)))
            {
                foreach (Match match in Reference().Matches(File.ReadAllText(file)))
                {
                    var target = match.Groups["feature"].Success ? match.Groups["feature"].Value : ReadModels;
                    if (target != node && nodes.ContainsKey(target))
                    {
                        targets.Add(target);
                    }
                }
            }

            edges[node] = targets;
        }

        return new FeatureGraph(edges);
    }

    /// <summary>One cycle as "A -&gt; B -&gt; A", or null when the graph is acyclic.</summary>
    public string? FindCycle()
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var node in Edges.Keys)
        {
            if (Visit(node, state, path) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    /// <summary>The graph as a mermaid flowchart, the picture docs/architecture.md shows.</summary>
    public string ToMermaid()
    {
        var text = new StringBuilder("```mermaid\nflowchart LR\n");
        foreach (var (node, targets) in Edges)
        {
            if (targets.Count == 0)
            {
                text.Append("    ").Append(node).Append('\n');
            }

            foreach (var target in targets)
            {
                text.Append("    ").Append(node).Append(" --> ").Append(target).Append('\n');
            }
        }

        return text.Append("```").ToString();
    }

    private string? Visit(string node, Dictionary<string, int> state, List<string> path)
    {
        // 1: on the current path, 2: finished (no cycle through it).
        if (state.GetValueOrDefault(node) == 2)
        {
            return null;
        }

        if (state.GetValueOrDefault(node) == 1)
        {
            return string.Join(" -> ", path.Skip(path.IndexOf(node)).Append(node));
        }

        state[node] = 1;
        path.Add(node);
        foreach (var target in Edges.GetValueOrDefault(node) ?? [])
        {
            if (Visit(target, state, path) is { } cycle)
            {
                return cycle;
            }
        }

        path.RemoveAt(path.Count - 1);
        state[node] = 2;
        return null;
    }

    [GeneratedRegex(@"\bTumorBoard\.Api\.(?:Features\.(?<feature>[A-Za-z]+)|ReadModels)\b")]
    private static partial Regex Reference();
}
