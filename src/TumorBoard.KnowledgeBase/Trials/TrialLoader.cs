using System.Security.Cryptography;
using TumorBoard.Core.Trials;
using TumorBoard.Core.Vocabularies;
using TumorBoard.KnowledgeBase.Json;
using TumorBoard.KnowledgeBase.Rules;

namespace TumorBoard.KnowledgeBase.Trials;

/// <summary>
/// Loads and validates the trial packs (<c>trials/*.json</c>): every problem in every file is reported with
/// file, trial/arm, line and reason in one <see cref="KnowledgeBaseLoadException"/>. Each trial keeps its file's
/// version and SHA-256; the catalog hashes all trial files together.
/// </summary>
public static class TrialLoader
{
    public const string TrialsFolder = "trials/";

    /// <summary>Loads the trial packs shipped inside this assembly.</summary>
    /// <param name="oncoTree">Validates tumour codes.</param>
    /// <param name="drugs">Validates drug names (lower-case INN).</param>
    /// <param name="drugClasses">Drug classes defined outside the trial files (class name to INNs); null = the drug vocabulary's classes. A file's own classes win.</param>
    public static TrialCatalog LoadEmbedded(OncoTree oncoTree, DrugNames drugs, IReadOnlyDictionary<string, IReadOnlyList<string>>? drugClasses = null) =>
        Load(KnowledgeBaseFile.Embedded(TrialsFolder), oncoTree, drugs, drugClasses);

    /// <summary>Loads the <c>trials/</c> folder of a data directory laid out like the shipped one.</summary>
    public static TrialCatalog LoadFromDirectory(string dataDirectory, OncoTree oncoTree, DrugNames drugs, IReadOnlyDictionary<string, IReadOnlyList<string>>? drugClasses = null)
    {
        var folder = Path.Combine(dataDirectory, TrialsFolder);
        var files = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.json").Select(f => new KnowledgeBaseFile(TrialsFolder + Path.GetFileName(f), File.ReadAllBytes(f)))
            : [];
        return Load(files, oncoTree, drugs, drugClasses);
    }

    /// <summary>Validates and builds the catalog; files outside <c>trials/</c> are ignored.</summary>
    public static TrialCatalog Load(
        IEnumerable<KnowledgeBaseFile> files,
        OncoTree oncoTree,
        DrugNames drugs,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? drugClasses = null)
    {
        ArgumentNullException.ThrowIfNull(drugs);
        var ordered = files
            .Where(f => f.Path.StartsWith(TrialsFolder, StringComparison.Ordinal) && f.Path.EndsWith(".json", StringComparison.Ordinal))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        var errors = new LoadErrors();
        if (ordered.Count == 0)
        {
            errors.Add(TrialsFolder, null, "no trial files were found");
        }

        var knownDrugs = drugs.KnownInns.ToHashSet(StringComparer.Ordinal);
        var external = drugClasses
            ?? drugs.KnownClasses.ToDictionary(c => c, c => drugs.InnsInClass(c), StringComparer.Ordinal);
        var trials = new List<Trial>();
        foreach (var file in ordered)
        {
            if (LineJson.ParseObject(file.Path, file.Content, errors) is not { } root)
            {
                continue;
            }

            var parser = new TrialFileParser(new NodeReader(file.Path, errors), oncoTree, knownDrugs, external);
            if (parser.Parse(root, Convert.ToHexStringLower(SHA256.HashData(file.Content))) is { } trial)
            {
                trials.Add(trial);
            }
        }

        foreach (var duplicate in trials.GroupBy(t => t.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            foreach (var trial in duplicate.Skip(1))
            {
                errors.Add(trial.Origin ?? "?", 1, $"duplicate trial id (also in {duplicate.First().Origin})", trial.Id);
            }
        }

        errors.ThrowIfAny();

        return new TrialCatalog(trials, KnowledgeBaseFile.Hash(ordered));
    }
}
