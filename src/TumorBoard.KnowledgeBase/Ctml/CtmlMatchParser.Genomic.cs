using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TumorBoard.Core.Alterations;
using TumorBoard.Core.Rules;
using TumorBoard.Core.Rules.Matchers;
using TumorBoard.Core.Trials.Criteria;
using TumorBoard.Core.Trials.Ctml;
using TumorBoard.Core.Vocabularies;

namespace TumorBoard.KnowledgeBase.Ctml;

/// <summary>
/// The genomic half of the CTML reader: a <c>genomic</c> node as an alteration matcher (category, protein change,
/// copy-number call, fusion partner, genes resolved against HGNC), MSI-H, or a kept check for what the record cannot say.
/// </summary>
internal sealed partial class CtmlMatchParser
{
    private TrialCriterion? Genomic(JsonObject node, string path)
    {
        var fields = new List<KeyValuePair<string, string>>();
        var valid = true;
        foreach (var (key, value) in node)
        {
            if (!GenomicKeys.Contains(key, StringComparer.Ordinal))
            {
                problems.Add(new CtmlProblem($"{path}.{key}", $"unsupported genomic field '{key}' (supported: {string.Join(", ", GenomicKeys)})"));
                valid = false;
            }
            else if (CtmlArmIds.Text(value) is { Length: > 0 } text && value is JsonValue)
            {
                fields.Add(new(key, text.Trim()));
            }
            else
            {
                problems.Add(new CtmlProblem($"{path}.{key}", $"'{key}' must be a non-empty text"));
                valid = false;
            }
        }

        if (!valid)
        {
            return null;
        }

        if (fields.Count == 0)
        {
            return Fail<TrialCriterion>(path, "an empty genomic node");
        }

        var negated = fields.Any(f => f.Key != "display_name" && f.Value.StartsWith('!'));
        var values = fields.ToDictionary(f => f.Key, f => f.Key == "display_name" ? f.Value : f.Value.TrimStart('!'), StringComparer.Ordinal);
        var label = values.GetValueOrDefault("display_name");
        values.Remove("display_name");
        if (values.Keys.Any(k => SignatureKeys.Contains(k, StringComparer.Ordinal))
            || (Status(values) is { } status && !IsMsiHigh(status)))
        {
            // Kept verbatim (negation included) so the export gives the node back unchanged.
            return new CtmlCheckCriterion("genomic", fields.Where(f => f.Key != "display_name").ToList(),
                "mutational signatures and MMR/MS statuses other than MSI-H are not read from the record")
            { Label = label };
        }

        TrialCriterion? criterion = Status(values) is not null
            ? MsiHigh(values, path)
            : Alteration(values, path);
        if (criterion is null)
        {
            return null;
        }

        criterion = criterion with { Label = negated ? null : label };
        return negated ? new NotCriterion(criterion) { Label = label } : criterion;
    }

    private static string? Status(Dictionary<string, string> values) =>
        values.GetValueOrDefault("ms_status") ?? values.GetValueOrDefault("mmr_status");

    private static bool IsMsiHigh(string status) => status is "MSI-H" or "MMR-Deficient";

    private GenomicCriterion? MsiHigh(Dictionary<string, string> values, string path)
    {
        var extra = values.Keys.Where(k => k is not ("ms_status" or "mmr_status" or "hugo_symbol")).ToList();
        if (extra.Count > 0 || values.GetValueOrDefault("hugo_symbol") is { } gene && gene != "None")
        {
            return Fail<GenomicCriterion>(path, $"an MMR/MS status node takes no other keys than hugo_symbol: None (found {string.Join(", ", extra.DefaultIfEmpty("hugo_symbol"))})");
        }

        return new GenomicCriterion(new MsiHighMatcher(), SampleScope.Any, RequiredOrigin.Any);
    }

    private GenomicCriterion? Alteration(Dictionary<string, string> values, string path)
    {
        var category = CtmlVariantCategory.None;
        if (values.TryGetValue("variant_category", out var categoryText))
        {
            CtmlVariantCategory? parsed = categoryText.ToUpperInvariant() switch
            {
                "MUTATION" => CtmlVariantCategory.Mutation,
                "COPY NUMBER VARIATION" => CtmlVariantCategory.CopyNumber,
                "STRUCTURAL VARIATION" => CtmlVariantCategory.Structural,
                "ANY VARIATION" => CtmlVariantCategory.Any,
                _ => null,
            };
            if (parsed is null)
            {
                problems.Add(new CtmlProblem($"{path}.variant_category", $"variant_category '{categoryText}' must be Mutation, Copy Number Variation, Structural Variation or Any Variation"));
                return null;
            }

            category = parsed.Value;
        }

        CnaCall? call = null;
        if (values.TryGetValue("cnv_call", out var callText))
        {
            call = callText.ToUpperInvariant() switch
            {
                "HIGH AMPLIFICATION" or "HIGH LEVEL AMPLIFICATION" => CnaCall.Amplification,
                "HOMOZYGOUS DELETION" => CnaCall.Deletion,
                "LOW AMPLIFICATION" or "GAIN" => CnaCall.Gain,
                "HETEROZYGOUS DELETION" => CnaCall.Loss,
                _ => null,
            };
            if (call is null)
            {
                problems.Add(new CtmlProblem($"{path}.cnv_call", $"cnv_call '{callText}' must be High Amplification, Low Amplification, Homozygous Deletion or Heterozygous Deletion"));
                return null;
            }

            if (category is not (CtmlVariantCategory.None or CtmlVariantCategory.CopyNumber))
            {
                problems.Add(new CtmlProblem($"{path}.cnv_call", "cnv_call needs variant_category Copy Number Variation"));
                return null;
            }

            category = CtmlVariantCategory.CopyNumber;
        }

        var protein = values.TryGetValue("protein_change", out var p) ? StripP(p) : null;
        var wildcard = values.TryGetValue("wildcard_protein_change", out var w) ? StripP(w) : null;
        if ((protein ?? wildcard) is not null && category is not (CtmlVariantCategory.None or CtmlVariantCategory.Mutation or CtmlVariantCategory.Any))
        {
            problems.Add(new CtmlProblem($"{path}.variant_category", "a protein change needs variant_category Mutation"));
            return null;
        }

        if (wildcard is not null && !WildcardPattern().IsMatch(wildcard))
        {
            problems.Add(new CtmlProblem($"{path}.wildcard_protein_change", $"wildcard_protein_change '{w}' must be a residue and a position (p.V600)"));
            return null;
        }

        var partnerText = values.GetValueOrDefault("fusion_partner_hugo_symbol");
        if (partnerText is not null && category is not (CtmlVariantCategory.None or CtmlVariantCategory.Structural))
        {
            problems.Add(new CtmlProblem($"{path}.fusion_partner_hugo_symbol", "fusion_partner_hugo_symbol needs variant_category Structural Variation"));
            return null;
        }

        if (partnerText is not null)
        {
            category = CtmlVariantCategory.Structural;
        }

        var geneText = values.GetValueOrDefault("hugo_symbol");
        if (geneText is null && partnerText is null)
        {
            problems.Add(new CtmlProblem(path, "a genomic node needs hugo_symbol (a structural variant may name only fusion_partner_hugo_symbol)"));
            return null;
        }

        var structural = category == CtmlVariantCategory.Structural;
        var gene = geneText is null ? null : Gene(geneText, $"{path}.hugo_symbol", structural, allowIntergenic: false);
        var partner = partnerText is null ? null : Gene(partnerText, $"{path}.fusion_partner_hugo_symbol", structural, allowIntergenic: true);
        if ((geneText is not null && gene is null) || (partnerText is not null && partner is null))
        {
            return null;
        }

        return new GenomicCriterion(new CtmlGenomicMatcher
        {
            Gene = gene,
            Category = category,
            ProteinChange = protein,
            WildcardProteinChange = wildcard,
            CnvCall = call,
            FusionPartner = partner,
        }, SampleScope.Any, RequiredOrigin.Any);
    }

    private string? Gene(string text, string path, bool structural, bool allowIntergenic)
    {
        if (CtmlGenomicMatcher.IsAny(text))
        {
            return structural ? CtmlGenomicMatcher.AnyGene : Fail<string>(path, "any_gene is only meaningful for a Structural Variation");
        }

        if (CtmlGenomicMatcher.IsIntergenic(text))
        {
            return allowIntergenic ? CtmlGenomicMatcher.Intergenic : Fail<string>(path, "intergenic is only meaningful as fusion_partner_hugo_symbol");
        }

        var resolved = vocabulary.Genes.Resolve(text);
        if (resolved.Symbol is { } symbol)
        {
            if (!string.Equals(symbol, text, StringComparison.Ordinal))
            {
                warnings.Add(new CtmlProblem(path, $"'{text}' read as the HGNC-approved symbol {symbol} ({resolved.Kind})"));
            }

            return symbol;
        }

        var reason = resolved.Kind == GeneResolutionKind.Ambiguous
            ? $"'{text}' is ambiguous in HGNC (could be {string.Join(", ", resolved.Candidates)}); name the approved symbol"
            : $"unknown gene '{text}': not an HGNC approved, previous or alias symbol";
        if (allowUnknownGenes)
        {
            // Kept as written: no alteration carries a non-HGNC symbol, so the node matches nobody, as in MatchMiner.
            warnings.Add(new CtmlProblem(path, reason + " (kept: this node matches no patient)"));
            return text.ToUpperInvariant();
        }

        problems.Add(new CtmlProblem(path, reason));
        return null;
    }

    private static string StripP(string change) =>
        change.StartsWith("p.", StringComparison.OrdinalIgnoreCase) ? change[2..] : change;

    [GeneratedRegex("^[A-Za-z*][0-9]+$")]
    private static partial Regex WildcardPattern();
}
