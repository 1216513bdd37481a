using TumorBoard.Core.Evolution;
using TumorBoard.Core.Rules;
using TumorBoard.Core.Vocabularies;
using TumorBoard.KnowledgeBase.Json;
using CoreKnowledgeBase = TumorBoard.Core.Rules.KnowledgeBase;

namespace TumorBoard.KnowledgeBase.Rules;

/// <summary>
/// Loads and validates the rule knowledge base: the manifest <c>knowledge-base.json</c> and every
/// <c>rules/*.json</c>. Every problem in every file is reported (file, rule id, line, reason) in one
/// <see cref="KnowledgeBaseLoadException"/>; a knowledge base that loads is complete and consistent.
/// </summary>
public static class KnowledgeBaseLoader
{
    public const string ManifestPath = "knowledge-base.json";
    public const string RulesFolder = "rules/";

    /// <summary>Loads the knowledge base shipped inside this assembly.</summary>
    public static CoreKnowledgeBase LoadEmbedded(OncoTree oncoTree, DrugNames drugs) => Load(KnowledgeBaseFile.Embedded(""), oncoTree, drugs);

    /// <summary>Loads a knowledge base from a data folder laid out like the shipped one (for tests and curation).</summary>
    public static CoreKnowledgeBase LoadFromDirectory(string dataDirectory, OncoTree oncoTree, DrugNames drugs)
    {
        var files = new List<KnowledgeBaseFile>();
        var manifest = Path.Combine(dataDirectory, ManifestPath);
        if (File.Exists(manifest))
        {
            files.Add(new KnowledgeBaseFile(ManifestPath, File.ReadAllBytes(manifest)));
        }

        var rulesDirectory = Path.Combine(dataDirectory, RulesFolder);
        if (Directory.Exists(rulesDirectory))
        {
            files.AddRange(Directory.GetFiles(rulesDirectory, "*.json").Select(f => new KnowledgeBaseFile(RulesFolder + Path.GetFileName(f), File.ReadAllBytes(f))));
        }

        return Load(files, oncoTree, drugs);
    }

    /// <summary>Validates and builds a knowledge base from files; throws <see cref="KnowledgeBaseLoadException"/> listing every error.</summary>
    public static CoreKnowledgeBase Load(IEnumerable<KnowledgeBaseFile> files, OncoTree oncoTree, DrugNames drugs)
    {
        ArgumentNullException.ThrowIfNull(drugs);
        var ordered = files.Where(f => f.Path == ManifestPath || (f.Path.StartsWith(RulesFolder, StringComparison.Ordinal) && f.Path.EndsWith(".json", StringComparison.Ordinal)))
            .OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var errors = new LoadErrors();
        var manifestFile = ordered.Find(f => f.Path == ManifestPath);
        Manifest? manifest = null;
        if (manifestFile is null)
        {
            errors.Add(ManifestPath, null, "the manifest is missing");
        }
        else if (LineJson.ParseObject(manifestFile.Path, manifestFile.Content, errors) is { } root)
        {
            manifest = Manifest.Parse(root, new NodeReader(ManifestPath, errors));
        }

        var rules = new List<Rule>();
        var ruleFiles = ordered.Where(f => f.Path != ManifestPath).ToList();
        if (ruleFiles.Count == 0)
        {
            errors.Add(RulesFolder, null, "no rule files were found");
        }

        foreach (var file in ruleFiles)
        {
            if (LineJson.ParseObject(file.Path, file.Content, errors) is { } root)
            {
                var parser = new RuleFileParser(new NodeReader(file.Path, errors), oncoTree, drugs, manifest ?? Manifest.Empty);
                rules.AddRange(parser.Parse(root));
            }
        }

        CheckDuplicates(rules, errors);
        var progression = manifest?.MolecularProgression?.Resolve(rules, drugs, new NodeReader(ManifestPath, errors)) ?? MolecularProgressionRules.None;
        if (manifest is null && errors.Count == 0)
        {
            errors.Add(ManifestPath, null, "the manifest could not be read");
        }

        errors.ThrowIfAny();

        return new CoreKnowledgeBase
        {
            Version = manifest!.Version,
            ContentHash = KnowledgeBaseFile.Hash(ordered),
            Rules = rules,
            Sources = manifest.Sources,
            // Drug classes are the drug vocabulary's, so rules and prior-therapy records share one definition.
            DrugClasses = drugs.KnownClasses.Order(StringComparer.Ordinal).ToDictionary(c => c, c => drugs.InnsInClass(c), StringComparer.Ordinal),
            ClonalHaematopoiesis = manifest.ClonalHaematopoiesis,
            GermlineReferral = manifest.GermlineReferral,
            MolecularProgression = progression,
        };
    }

    private static void CheckDuplicates(List<Rule> rules, LoadErrors errors)
    {
        foreach (var duplicate in rules.GroupBy(r => r.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var places = duplicate.Select(r => r.Origin ?? "?").ToList();
            foreach (var rule in duplicate.Skip(1))
            {
                var (file, line) = SplitOrigin(rule.Origin);
                errors.Add(file, line, $"duplicate rule id (also at {places[0]})", rule.Id);
            }
        }
    }

    private static (string File, int? Line) SplitOrigin(string? origin)
    {
        var colon = origin?.LastIndexOf(':') ?? -1;
        return colon > 0 && int.TryParse(origin![(colon + 1)..], out var line) ? (origin[..colon], line) : (origin ?? "?", null);
    }
}
