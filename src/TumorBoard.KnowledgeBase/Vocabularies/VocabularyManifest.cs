using TumorBoard.KnowledgeBase.Json;

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
        if (LineJson.ParseObject(file.Name, file.Bytes, errors) is not { } root)
        {
            return null;
        }

        var reader = new NodeReader(file.Name, errors);
        reader.OnlyProperties(root, "version", "description", "files");
        var version = reader.String(root, "version");
        if (root["files"] is not LineObject filesNode)
        {
            reader.Error(root.LineOf("files"), "'files' must be an object naming the file of each role");
            return null;
        }

        var files = new Dictionary<string, ManifestFile>(StringComparer.Ordinal);
        foreach (var role in Roles)
        {
            if (filesNode[role] is not LineObject entry)
            {
                reader.Error(filesNode.LineOf(role), filesNode[role] is null ? $"'files' is missing the '{role}' file" : $"'files.{role}' must be an object");
                continue;
            }

            reader.OnlyProperties(entry, "file", "version", "licence");
            if (reader.String(entry, "file") is { } name && reader.String(entry, "version") is { } fileVersion)
            {
                files[role] = new ManifestFile(name, fileVersion, reader.String(entry, "licence") ?? "");
            }
        }

        return version is null || files.Count != Roles.Length ? null : new VocabularyManifest(version, files);
    }
}

/// <summary>One file of the set: its name, the upstream version it holds and its licence.</summary>
internal sealed record ManifestFile(string Name, string Version, string Licence);
