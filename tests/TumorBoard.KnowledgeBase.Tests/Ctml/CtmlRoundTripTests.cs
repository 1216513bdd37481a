using System.Text.Json.Nodes;
using TumorBoard.Core.Trials;
using TumorBoard.KnowledgeBase.Ctml;
using TumorBoard.KnowledgeBase.Tests.Trials;
using static TumorBoard.KnowledgeBase.Tests.Ctml.CtmlFixtures;

namespace TumorBoard.KnowledgeBase.Tests.Ctml;

/// <summary>CTML -> TumorBoard -> CTML keeps what CTML can say; what TumorBoard's own format adds is listed, not dropped.</summary>
public sealed class CtmlRoundTripTests
{
    private static CtmlExporter Exporter => new(Vocabulary.OncoTree);

    [Theory]
    [MemberData(nameof(Names))]
    public void Export_of_an_imported_trial_says_what_the_original_said(string name)
    {
        var original = Document(name);
        var exported = Exporter.Export(Trial(name), original);
        Assert.False(exported.ContainsKey(CtmlImporter.NotExportedKey));
        Assert.Equal(CtmlCanonical.Of(original), CtmlCanonical.Of(exported));
        // A second trip changes nothing: the export is a fixpoint.
        var again = Exporter.Export(Import(exported, allowUnknownGenes: true).Trial!, exported);
        Assert.Equal(exported.ToJsonString(), again.ToJsonString());
    }

    public static TheoryData<string> Names() => [.. All];

    [Fact]
    public void A_shipped_trial_exports_what_ctml_can_say_and_lists_the_rest()
    {
        var nciMatch = TrialPacks.Catalog.Find("NCI-MATCH")!;
        var exported = Exporter.Export(nciMatch, null);
        Assert.Equal("NCT02465060", exported["nct_id"]!.GetValue<string>());
        var arms = exported["treatment_list"]!["step"]![0]!["arm"]!.AsArray();
        Assert.Equal(nciMatch.Arms.Count, arms.Count);
        var h = arms.Single(a => a!["arm_code"]!.GetValue<string>() == "H")!;
        Assert.Contains("\"wildcard_protein_change\":\"p.V600\"", h.ToJsonString(), StringComparison.Ordinal);
        var lost = exported[CtmlImporter.NotExportedKey]!.AsArray().Select(l => l!.GetValue<string>()).ToList();
        Assert.True(lost.Any(l => l.StartsWith("arm H: No prior BRAF or MEK inhibitor", StringComparison.Ordinal)), string.Join("\n", lost.Where(l => l.StartsWith("arm H", StringComparison.Ordinal))));
        // Importing such an export would silently drop those criteria: refused.
        Assert.Contains(Import(exported).Problems, p => p.Path == "$." + CtmlImporter.NotExportedKey);
    }

    [Fact]
    public void Arm_status_overrides_export_as_arm_suspended()
    {
        var exported = Exporter.Export(Trial(NegatedYaml), Document(NegatedYaml), _ => ArmStatus.Closed);
        Assert.Equal("Y", exported["treatment_list"]!["step"]![0]!["arm"]![0]!["arm_suspended"]!.GetValue<string>());
    }

    [Fact]
    public void Canonical_form_tells_a_changed_criterion_apart()
    {
        var changed = Document(Wildcard);
        changed["treatment_list"]!["step"]![0]!["match"]![0]!["and"]![0]!["genomic"]!["wildcard_protein_change"] = "p.V601";
        Assert.NotEqual(CtmlCanonical.Of(Document(Wildcard)), CtmlCanonical.Of(changed));
    }
}

/// <summary>
/// What a CTML document says, order-free: and/or children sorted and nested same-kind groups flattened, a clinical
/// node with several keys split into one node per key (one patient document either way), gene symbols upper-case.
/// </summary>
internal static class CtmlCanonical
{
    public static string Of(JsonObject document)
    {
        var copy = document.DeepClone().AsObject();
        foreach (var owner in Owners(copy))
        {
            if (owner["match"] is JsonArray match)
            {
                owner["match"] = Canonical(new JsonObject { ["and"] = match.DeepClone() }, null);
            }
        }

        return copy.ToJsonString();
    }

    private static IEnumerable<JsonObject> Owners(JsonObject document)
    {
        foreach (var step in document["treatment_list"]!["step"]!.AsArray().OfType<JsonObject>())
        {
            yield return step;
            foreach (var arm in (step["arm"] as JsonArray ?? []).OfType<JsonObject>())
            {
                yield return arm;
            }
        }
    }

    private static string Canonical(JsonNode node, string? parentKind)
    {
        var parts = Parts(node, parentKind).OrderBy(p => p, StringComparer.Ordinal).ToList();
        return parts.Count == 1 ? parts[0] : $"{parentKind ?? "and"}[{string.Join(",", parts)}]";
    }

    private static IEnumerable<string> Parts(JsonNode node, string? parentKind)
    {
        var (key, value) = node.AsObject().Single();
        if (key is "and" or "or")
        {
            var children = value!.AsArray().SelectMany(c => Parts(c!, key)).OrderBy(p => p, StringComparer.Ordinal).ToList();
            if (key == (parentKind ?? "and") || children.Count == 1)
            {
                return children;
            }

            return [$"{key}[{string.Join(",", children)}]"];
        }

        var fields = value!.AsObject().Select(f => (f.Key, Value: f.Value!.ToString())).ToList();
        if (key == "clinical" && (parentKind ?? "and") == "and")
        {
            return fields.Select(f => $"clinical{{{f.Key}={f.Value}}}");
        }

        return [$"{key}{{{string.Join(";", fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={(f.Key.Contains("hugo", StringComparison.Ordinal) ? f.Value.ToUpperInvariant() : f.Value)}"))}}}"];
    }
}
