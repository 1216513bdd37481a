using Hl7.Fhir.Model;
using TumorBoard.Fhir.Parsing;

namespace TumorBoard.Fhir.Reading;

/// <summary>
/// Follows a report's <c>result</c> references, and the <c>hasMember</c> of grouping Observations,
/// to the Observations the report rests on. An unresolvable result reference is an error: the
/// report would otherwise lose a finding silently.
/// </summary>
internal static class ResultWalker
{
    public static List<Located<Observation>> Walk(Located<DiagnosticReport> report, BundleIndex index, IssueList issues)
    {
        var found = new List<Located<Observation>>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var asResource = new Located<Resource>(report.Resource, report.Path);
        for (var k = 0; k < report.Resource.Result.Count; k++)
        {
            Follow(report.Resource.Result[k], asResource, $"{report.Path}.result[{k}]", index, issues, found, seen, 0);
        }

        return found;
    }

    private static void Follow(ResourceReference reference, Located<Resource> from, string path, BundleIndex index, IssueList issues, List<Located<Observation>> found, HashSet<object> seen, int depth)
    {
        var target = index.Resolve(reference, from);
        if (target is null)
        {
            issues.Error("not-found", $"The reference '{reference.Reference ?? "(no reference)"}' does not resolve to a resource in the bundle.", path);
            return;
        }

        if (target.Resource is not Observation observation)
        {
            issues.Warning("not-supported", $"The result is a {target.Resource.TypeName}, not an Observation; it is ignored.", path);
            return;
        }

        if (!seen.Add(observation) || depth > 8)
        {
            return;
        }

        found.Add(new Located<Observation>(observation, target.Path));
        for (var j = 0; j < observation.HasMember.Count; j++)
        {
            Follow(observation.HasMember[j], target, $"{target.Path}.hasMember[{j}]", index, issues, found, seen, depth + 1);
        }
    }
}
