using System.Globalization;
using TumorBoard.Core.Rules;
using TumorBoard.Core.Rules.Civic;
using TumorBoard.Core.Vocabularies;
using TumorBoard.KnowledgeBase.Json;
using TumorBoard.KnowledgeBase.Rules;
using CoreKnowledgeBase = TumorBoard.Core.Rules.KnowledgeBase;

namespace TumorBoard.KnowledgeBase.Civic;

/// <summary>
/// Loads and validates the CIViC layer (<c>Data/civic/civic-rules.json</c>). Each entry is a rule entry in the curated
/// rule-file format plus a <c>civic</c> block; the rule part goes through the same parser and checks as curated rules
/// (matchers, OncoTree codes, drugs, citations, HGNC symbols), so a CIViC rule can say nothing a curated one could not.
/// Every problem is reported in one <see cref="KnowledgeBaseLoadException"/>.
/// </summary>
public static class CivicLayerLoader
{
    public const string DataPath = "civic/civic-rules.json";

    /// <summary>Loads the layer shipped inside this assembly, with the curated knowledge base's defaults and drug classes.</summary>
    public static CivicLayer LoadEmbedded(Vocabulary vocabulary, CoreKnowledgeBase curated)
    {
        var file = KnowledgeBaseFile.Embedded("civic/").Single(f => f.Path == DataPath);
        var manifest = KnowledgeBaseFile.Embedded(KnowledgeBaseLoader.ManifestPath).Single(f => f.Path == KnowledgeBaseLoader.ManifestPath);
        return Load(file, manifest, vocabulary, curated);
    }

    /// <summary>Validates and builds the layer; throws <see cref="KnowledgeBaseLoadException"/> listing every error.</summary>
    public static CivicLayer Load(KnowledgeBaseFile file, KnowledgeBaseFile curatedManifest, Vocabulary vocabulary, CoreKnowledgeBase curated)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(curatedManifest);
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(curated);
        var errors = new LoadErrors();
        var reader = new NodeReader(file.Path, errors);
        if (LineJson.ParseObject(file.Path, file.Content, errors) is not { } document)
        {
            errors.ThrowIfAny();
            throw new KnowledgeBaseLoadException([new KnowledgeBaseLoadError(file.Path, null, "the CIViC layer must be a JSON object")]);
        }

        reader.OnlyProperties(document, "source", "version", "input", "counts", "rules");
        if (reader.String(document, "source") is { } source && source != "civic")
        {
            reader.Error(document["source"]!.Line, "'source' must be 'civic'");
        }

        var version = reader.String(document, "version") ?? "";
        var evidence = new Dictionary<string, CivicEvidence>(StringComparer.Ordinal);
        var entries = new List<LineNode>();
        foreach (var item in reader.Array(document, "rules")?.Items ?? [])
        {
            reader.Subject = null;
            if (item is not LineObject entry)
            {
                reader.Error(item.Line, "every item of 'rules' must be an object");
                continue;
            }

            reader.Subject = (entry["id"] as LineString)?.Value;
            if (Evidence(entry, reader) is { } civic && reader.Subject is { } id)
            {
                if (id != "CIVIC-" + civic.Eid)
                {
                    reader.Error(entry.Line, $"id must be CIVIC-{civic.Eid}");
                }
                else if (!evidence.TryAdd(id, civic))
                {
                    reader.Error(entry.Line, $"evidence item {civic.Eid} is imported twice");
                }
            }

            // The rule part, without the civic block, is a curated-format entry.
            entries.Add(new LineObject(entry.Line, entry.Properties.Where(p => p.Name != "civic").ToList()));
        }

        reader.Subject = null;
        if (reader.Object(document, "counts") is { } counts && reader.Integer(counts, "imported") is { } imported && imported != entries.Count)
        {
            reader.Error(counts.Line, string.Create(CultureInfo.InvariantCulture, $"counts.imported is {imported} but the file has {entries.Count} entries; re-run the importer"));
        }

        var manifest = LineJson.ParseObject(curatedManifest.Path, curatedManifest.Content, errors) is { } manifestRoot
            ? Manifest.Parse(manifestRoot, new NodeReader(curatedManifest.Path, errors)) ?? Manifest.Empty
            : Manifest.Empty;
        var ruleFile = new LineObject(document.Line, [new LineProperty("area", document.Line, new LineString(document.Line, "CIViC")), new LineProperty("rules", document.Line, new LineArray(document.Line, entries))]);
        var rules = new RuleFileParser(reader, vocabulary.OncoTree, vocabulary.Drugs, manifest).Parse(ruleFile);
        errors.ThrowIfAny();

        rules = ShareConditions(rules);
        var knowledgeBase = GeneReferences.CheckRules(vocabulary, new CoreKnowledgeBase
        {
            Version = version,
            ContentHash = KnowledgeBaseFile.Hash([file]),
            Rules = rules,
            Sources = [new KnowledgeSource("civic", "CIViC (Clinical Interpretation of Variants in Cancer)", "https://civicdb.org", "CC0 1.0", "Nightly evidence snapshot " + version)],
            DrugClasses = curated.DrugClasses,
            // Plasma-only caveats apply to any finding; germline referrals are the curated evaluation's, not repeated here.
            ClonalHaematopoiesis = curated.ClonalHaematopoiesis,
        });
        return new CivicLayer
        {
            Version = version,
            ContentHash = knowledgeBase.ContentHash,
            Rules = knowledgeBase,
            EvidenceByRuleId = rules.ToDictionary(r => r.Id, r => evidence[r.Id[..r.Id.IndexOf('/', StringComparison.Ordinal)]], StringComparer.Ordinal),
            TherapyKeyByRuleId = rules.ToDictionary(r => r.Id, r => CivicLayering.TherapyKey(r.Drugs), StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// Many CIViC items state the same condition (EGFR L858R in NSCLC, dozens of publications). The engine evaluates a
    /// condition once per run of adjacent rules sharing the same condition objects, so rules with equal conditions are
    /// made adjacent (first appearance order) and share the first one's objects; the result is the same, the work is not.
    /// </summary>
    private static List<Rule> ShareConditions(List<Rule> rules)
    {
        var groups = new Dictionary<string, List<Rule>>(StringComparer.Ordinal);
        var order = new List<List<Rule>>();
        foreach (var rule in rules)
        {
            var key = string.Join('\n', rule.Biomarker.Describe(), rule.Tumor.Describe(), ContextKey(rule.Context));
            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = [];
                order.Add(group);
            }

            group.Add(group.Count == 0 ? rule : rule with { Biomarker = group[0].Biomarker, Tumor = group[0].Tumor, Context = group[0].Context });
        }

        return order.SelectMany(g => g).ToList();
    }

    private static string ContextKey(RuleContext context) =>
        context.Origin + ";" + string.Join(",", context.Receptors.Select(r => r.Describe())) + ";" + string.Join("|", context.AllPriorTherapies.Select(p => p.Describe()));

    private static CivicEvidence? Evidence(LineObject entry, NodeReader reader)
    {
        if (reader.Object(entry, "civic") is not { } civic)
        {
            return null;
        }

        reader.OnlyProperties(civic, "eid", "level", "significance", "disease", "doid", "molecularProfile", "variantOrigin");
        var eid = reader.Integer(civic, "eid");
        var level = reader.String(civic, "level");
        if (level is not (null or "A" or "B"))
        {
            reader.Error(civic["level"]!.Line, "the CIViC layer takes level A or B items only");
        }

        var significance = reader.String(civic, "significance");
        var disease = reader.String(civic, "disease");
        var doid = reader.String(civic, "doid", required: false);
        var profile = reader.String(civic, "molecularProfile");
        reader.String(civic, "variantOrigin", required: false);
        return eid is null || level is null || significance is null || disease is null || profile is null
            ? null
            : new CivicEvidence(eid.Value, level, significance, disease, doid, profile);
    }
}
