using System.Text.Json;

namespace TumorBoard.KnowledgeBase.Vocabularies;

/// <summary><c>manifest.json</c>: the version of the vocabulary set and which file plays which role.</summary>
internal sealed record VocabularyManifest(string Version, IReadOnlyDictionary<string, ManifestFile> Files)
{
    public const string Hgnc = "hgnc";
    public const string OncoTree = "oncotree";
    public const string OncoTreeAliases = "oncotreeAliases";
    public const string Crosswalk = "crosswalk";
    public const string Drugs = "drugs";
    public const string HgncRenames = "hgncRenames";
    public const string SiteHistology = "siteHistology";

    /// <summary>Every role, in the order the files are hashed and loaded.</summary>
    public static readonly string[] Roles = [Hgnc, OncoTree, OncoTreeAliases, Crosswalk, Drugs, HgncRenames, SiteHistology];

    /// <summary>The manifest, or null after recording why it is unusable.</summary>
    public static VocabularyManifest? Read(DataFile file, LoadErrors errors)
    {
        using var json = JsonDataFile.Parse(file, errors);
        if (json is null)
        {
            return null;
        }

        var top = new JsonEntry(json.Root, file.Name, 1, "the manifest", errors);
        top.IsObject("version", "description", "files");
        var version = top.Required("version");
        if (!json.Root.TryGetProperty("files", out var filesElement) || filesElement.ValueKind != JsonValueKind.Object)
        {
            errors.Add(file.Name, json.LineOf("files"), "'files' must be an object naming the file of each role");
            return null;
        }

        var files = new Dictionary<string, ManifestFile>(StringComparer.Ordinal);
        foreach (var role in Roles)
        {
            if (!filesElement.TryGetProperty(role, out var entryElement))
            {
                errors.Add(file.Name, json.LineOf("files"), $"'files' is missing the '{role}' file");
                continue;
            }

            var entry = new JsonEntry(entryElement, file.Name, json.LineOf("files"), $"files.{role}", errors);
            if (entry.IsObject("file", "version", "licence") && entry.Required("file") is { } name && entry.Required("version") is { } fileVersion)
            {
                files[role] = new ManifestFile(name, fileVersion, entry.Required("licence") ?? "");
            }
        }

        return version is null || files.Count != Roles.Length ? null : new VocabularyManifest(version, files);
    }
}

/// <summary>One file of the set: its name, the upstream version it holds and its licence.</summary>
internal sealed record ManifestFile(string Name, string Version, string Licence);
