using System.Text;
using System.Text.RegularExpressions;

namespace TumorBoard.Api.Tests.Architecture;

/// <summary>
/// The dependency graph between the Api's feature folders (Features/&lt;name&gt;) and the shared read models
/// (ReadModels), read from the source: an edge A -&gt; B when a C# or Razor file under A names B's namespace
/// (a using, or a qualified name). Source, not reflection, so a using that only brings in a type counts too.
/// Also every place a node names another feature's endpoint class (a <c>class XxxApi</c>): what a page or a feature
/// needs from another feature is a query or command class, not an HTTP handler.
/// </summary>
internal sealed partial class FeatureGraph
{
    public const string ReadModels = "ReadModels";

    private FeatureGraph(SortedDictionary<string, SortedSet<string>> edges, SortedSet<string> endpointReferences) =>
        (Edges, EndpointReferences) = (edges, endpointReferences);

    /// <summary>Every node with the nodes it depends on, in ordinal order.</summary>
    public SortedDictionary<string, SortedSet<string>> Edges { get; }

    /// <summary>"Board -&gt; TrialsApi (Features/Board/Pages/Arm.cshtml.cs)": a file of one node naming an endpoint class declared in another.</summary>
    public SortedSet<string> EndpointReferences { get; }

    public static FeatureGraph Read(string apiDirectory)
    {
        var nodes = Directory.GetDirectories(Path.Combine(apiDirectory, "Features")).ToDictionary(d => Path.GetFileName(d)!, d => d, StringComparer.Ordinal);
        nodes[ReadModels] = Path.Combine(apiDirectory, ReadModels);
        var sources = nodes.ToDictionary(n => n.Key, n => SourceFiles(n.Value).Select(f => (File: f, Text: File.ReadAllText(f))).ToList(), StringComparer.Ordinal);
        var endpointClasses = sources
            .SelectMany(n => n.Value.SelectMany(f => EndpointClass().Matches(f.Text)).Select(m => (Node: n.Key, Name: m.Groups["name"].Value)))
            .ToList();
        var edges = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var endpointReferences = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (node, files) in sources)
        {
            var targets = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var (file, text) in files)
            {
                foreach (Match match in Reference().Matches(text))
                {
                    var target = match.Groups["feature"].Success ? match.Groups["feature"].Value : ReadModels;
                    if (target != node && nodes.ContainsKey(target))
                    {
                        targets.Add(target);
                    }
                }

                var names = Identifier().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
                foreach (var endpoint in endpointClasses.Where(e => e.Node != node && names.Contains(e.Name)))
                {
                    endpointReferences.Add($"{node} -> {endpoint.Name} ({Path.GetRelativePath(apiDirectory, file).Replace('\\', '/')})");
                }
            }

            edges[node] = targets;
        }

        return new FeatureGraph(edges, endpointReferences);
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

    [GeneratedRegex(@"\bclass\s+(?<name>[A-Z][A-Za-z0-9]*Api)\b")]
    private static partial Regex EndpointClass();

    [GeneratedRegex(@"\b[A-Za-z_][A-Za-z0-9_]*\b")]
    private static partial Regex Identifier();

    private static IEnumerable<string> SourceFiles(string directory) =>
        Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal));
}
