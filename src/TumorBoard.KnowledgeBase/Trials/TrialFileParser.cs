using System.Text.RegularExpressions;
using TumorBoard.Core.Trials;
using TumorBoard.Core.Vocabularies;
using TumorBoard.KnowledgeBase.Json;
using TumorBoard.KnowledgeBase.Rules;

namespace TumorBoard.KnowledgeBase.Trials;

/// <summary>Reads one trial file: metadata, drug classes and code-named agents; the arms are read by <see cref="TrialArmParser"/>.</summary>
internal sealed partial class TrialFileParser(NodeReader reader, OncoTree oncoTree, ISet<string> knownDrugs, IReadOnlyDictionary<string, IReadOnlyList<string>> externalClasses)
{
    private readonly CitationParser _citations = new(reader);

    public Trial? Parse(LineNode root, string contentHash)
    {
        if (root is not LineObject file)
        {
            reader.Error(root.Line, "a trial file must be a JSON object");
            return null;
        }

        reader.OnlyProperties(file, "id", "nctIds", "title", "version", "ranking", "citations", "drugClasses", "codeNamedAgents", "defaultAmplificationCopyNumber", "leftOut", "arms");
        var id = reader.String(file, "id");
        if (id is not null && !TrialIdPattern().IsMatch(id))
        {
            reader.Error(file["id"]!.Line, $"trial id '{id}' must be letters, digits and '-'");
        }

        reader.Subject = id;
        var nctIds = reader.Strings(file, "nctIds", required: true);
        foreach (var nct in nctIds.Where(n => !CitationParser.IsNctId(n)))
        {
            reader.Error(file["nctIds"]!.Line, $"'{nct}' is not a ClinicalTrials.gov id (NCT and 8 digits)");
        }

        if (file["nctIds"] is LineArray { Items.Count: 0 } empty)
        {
            reader.Error(empty.Line, "a trial needs at least one NCT id");
        }

        var title = reader.String(file, "title");
        var version = reader.String(file, "version");
        var ranking = Ranking(file);
        var citations = _citations.List(file);
        reader.Strings(file, "leftOut");
        var agents = CodeNamedAgents(file);
        var drugs = new DrugChecker(reader, knownDrugs, agents);
        var classes = DrugClasses(file, drugs);
        var criteria = new CriterionParser(reader, oncoTree, drugs, classes, reader.Number(file, "defaultAmplificationCopyNumber", required: false));
        var arms = new TrialArmParser(reader, _citations, criteria, drugs).Arms(file);
        reader.Subject = null;
        if (id is null || title is null || version is null || citations is null || arms is null || nctIds.Count == 0)
        {
            return null;
        }

        return new Trial
        {
            Id = id,
            NctIds = nctIds,
            Title = title,
            Version = version,
            ContentHash = contentHash,
            Ranking = ranking,
            Arms = arms,
            Citations = citations,
            Origin = reader.File,
        };
    }

    private ArmRanking Ranking(LineObject file)
    {
        switch (reader.String(file, "ranking", required: false))
        {
            case null or "none": return ArmRanking.None;
            case "levelOfEvidence": return ArmRanking.LevelOfEvidence;
            case var other:
                reader.Error(file["ranking"]!.Line, $"ranking '{other}' must be 'none' or 'levelOfEvidence'");
                return ArmRanking.None;
        }
    }

    private HashSet<string> CodeNamedAgents(LineObject file)
    {
        var agents = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in reader.Array(file, "codeNamedAgents", required: false)?.Items ?? [])
        {
            if (item is not LineObject agent)
            {
                reader.Error(item.Line, "every code-named agent must be an object with 'name' and 'note'");
                continue;
            }

            reader.OnlyProperties(agent, "name", "note");
            var name = reader.String(agent, "name");
            reader.String(agent, "note");
            if (name is not null && (name.Any(char.IsUpper) || knownDrugs.Contains(name)))
            {
                reader.Error(agent.Line, $"code-named agent '{name}' must be lower-case and not an INN of the drug vocabulary");
            }
            else if (name is not null)
            {
                agents.Add(name);
            }
        }

        return agents;
    }

    private Dictionary<string, IReadOnlyList<string>> DrugClasses(LineObject file, DrugChecker drugs)
    {
        var classes = new Dictionary<string, IReadOnlyList<string>>(externalClasses, StringComparer.Ordinal);
        foreach (var property in reader.Object(file, "drugClasses", required: false)?.Properties ?? [])
        {
            if (property.Name == "comment")
            {
                continue;
            }

            var members = property.Value is LineArray array ? array.Items.OfType<LineString>().Select(s => s.Value).ToList() : [];
            if (members.Count == 0 || property.Value is not LineArray)
            {
                reader.Error(property.Line, $"drug class '{property.Name}' must list at least one drug");
            }

            drugs.Check(members, property.Line);
            classes[property.Name] = members;
        }

        return classes;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]*$")]
    private static partial Regex TrialIdPattern();
}
