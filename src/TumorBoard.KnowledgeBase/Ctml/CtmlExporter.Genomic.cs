using System.Globalization;
using System.Text.Json.Nodes;
using TumorBoard.Core.Alterations;
using TumorBoard.Core.Rules.Matchers;
using TumorBoard.Core.Trials.Criteria;
using TumorBoard.Core.Trials.Ctml;

namespace TumorBoard.KnowledgeBase.Ctml;

/// <summary>The genomic half of the CTML writer: biomarker matchers as <c>genomic</c> nodes (negated the way matchengine-V2 reads an exclusion) and TMB as a clinical one.</summary>
public sealed partial class CtmlExporter
{
    private JsonObject? Matcher(BiomarkerMatcher matcher, bool negated, string? label, TrialCriterion criterion, string armId, List<string> lost)
    {
        switch (matcher)
        {
            case AllOfMatcher all when !negated:
                return GroupMatchers("and", all.Matchers, criterion, armId, lost);
            case AnyOfMatcher any when !negated:
                return GroupMatchers("or", any.Matchers, criterion, armId, lost);
            case AnyOfMatcher any:
                // not (a or b) = (not a) and (not b): each CTML negated node is an exclusion of its own.
                var negatedParts = any.Matchers.Select(m => Matcher(m, negated: true, null, criterion, armId, lost)).OfType<JsonObject>().ToList();
                return negatedParts.Count == 0 ? null : negatedParts.Count == 1 ? negatedParts[0] : new JsonObject { ["and"] = new JsonArray(negatedParts.Cast<JsonNode?>().ToArray()) };
            case NotMatcher not:
                return Matcher(not.Matcher, !negated, label, criterion, armId, lost);
            case VariantListMatcher list when !negated:
                return new JsonObject { ["or"] = new JsonArray(list.Changes.Select(c => (JsonNode?)Genomic(list.Gene, "Mutation", negated, ("protein_change", "p." + c))).ToArray()) };
            case TmbMatcher tmb when !negated:
                return Clinical("tmb_numerical", ">=" + tmb.Threshold.ToString(CultureInfo.InvariantCulture));
            case TmbComparisonMatcher tmb when !negated:
                return Clinical("tmb_numerical", tmb.Operator + tmb.Value.ToString(CultureInfo.InvariantCulture));
            case MsiHighMatcher:
                return new JsonObject { ["genomic"] = new JsonObject { ["hugo_symbol"] = "None", ["ms_status"] = (negated ? "!" : "") + "MSI-H" } };
            case ExactProteinChangeMatcher exact:
                return Labelled(Genomic(exact.Gene, "Mutation", negated, ("protein_change", "p." + exact.Change)), label);
            case PositionalMatcher { ExcludedAlternates.Count: 0 } position:
                return Labelled(Genomic(position.Gene, "Mutation", negated, ("wildcard_protein_change", $"p.{position.Residue}{position.Position.ToString(CultureInfo.InvariantCulture)}")), label);
            case GeneMutationMatcher { ExcludedPositions.Count: 0 } mutation:
                return Labelled(Genomic(mutation.Gene, "Mutation", negated), label);
            case AmplificationMatcher amplification:
                if (amplification.MinCopyNumber is { } threshold)
                {
                    // CTML's cnv_call is the lab's call; the fallback on a bare copy number has no CTML form.
                    lost.Add($"arm {armId}: {amplification.Gene} amplification by copy number >= {threshold.ToString(CultureInfo.InvariantCulture)} when the lab gave no call (exported as the called amplification only)");
                }

                return Labelled(Genomic(amplification.Gene, "Copy Number Variation", negated, ("cnv_call", "High Amplification")), label);
            case DeletionMatcher deletion:
                return Labelled(Genomic(deletion.Gene, "Copy Number Variation", negated, ("cnv_call", "Homozygous Deletion")), label);
            case FusionMatcher fusion:
                return Labelled(fusion.Partner is null
                    ? Genomic(fusion.Gene, "Structural Variation", negated)
                    : Genomic(fusion.Gene, "Structural Variation", negated, ("fusion_partner_hugo_symbol", fusion.Partner)), label);
            case CtmlGenomicMatcher ctml:
                return Labelled(Ctml(ctml, negated), label);
            default:
                return Lose(criterion, $"the condition {matcher.Describe()}{(negated ? " (negated)" : "")}", armId, lost);
        }
    }

    private JsonObject? GroupMatchers(string kind, IReadOnlyList<BiomarkerMatcher> matchers, TrialCriterion criterion, string armId, List<string> lost)
    {
        var children = matchers.Select(m => Matcher(m, negated: false, null, criterion, armId, lost)).OfType<JsonObject>().ToList();
        return children.Count switch
        {
            0 => null,
            1 => children[0],
            _ => new JsonObject { [kind] = new JsonArray(children.Cast<JsonNode?>().ToArray()) },
        };
    }

    private static JsonObject Ctml(CtmlGenomicMatcher matcher, bool negated)
    {
        var node = new JsonObject();
        if (matcher.Gene is { } gene)
        {
            node["hugo_symbol"] = gene;
        }

        if (matcher.ProteinChange is { } protein)
        {
            node["protein_change"] = "p." + protein;
        }

        if (matcher.WildcardProteinChange is { } wildcard)
        {
            node["wildcard_protein_change"] = "p." + wildcard;
        }

        var category = matcher.Category switch
        {
            CtmlVariantCategory.Mutation => "Mutation",
            CtmlVariantCategory.CopyNumber => "Copy Number Variation",
            CtmlVariantCategory.Structural => "Structural Variation",
            CtmlVariantCategory.Any => "Any Variation",
            _ => null,
        };
        if (category is not null)
        {
            node["variant_category"] = category;
        }

        if (matcher.CnvCall is { } call)
        {
            node["cnv_call"] = call switch
            {
                CnaCall.Amplification => "High Amplification",
                CnaCall.Deletion => "Homozygous Deletion",
                CnaCall.Gain => "Low Amplification",
                _ => "Heterozygous Deletion",
            };
        }

        if (matcher.FusionPartner is { } partner)
        {
            node["fusion_partner_hugo_symbol"] = partner;
        }

        if (negated)
        {
            Negate(node);
        }

        return new JsonObject { ["genomic"] = node };
    }

    private static JsonObject Genomic(string gene, string category, bool negated, params (string Key, string Value)[] extra)
    {
        var node = new JsonObject { ["hugo_symbol"] = gene, ["variant_category"] = category };
        foreach (var (key, value) in extra)
        {
            node[key] = value;
        }

        if (negated)
        {
            Negate(node);
        }

        return new JsonObject { ["genomic"] = node };
    }

    /// <summary>matchengine-V2 makes a whole node an exclusion when one value starts with '!': the category, else the gene.</summary>
    private static void Negate(JsonObject node)
    {
        var key = node.ContainsKey("variant_category") ? "variant_category" : node.ContainsKey("hugo_symbol") ? "hugo_symbol" : "fusion_partner_hugo_symbol";
        node[key] = "!" + CtmlArmIds.Text(node[key]);
    }

    private static JsonObject Labelled(JsonObject node, string? label)
    {
        if (label is not null && node["genomic"] is JsonObject genomic)
        {
            genomic["display_name"] = label;
        }

        return node;
    }
}
