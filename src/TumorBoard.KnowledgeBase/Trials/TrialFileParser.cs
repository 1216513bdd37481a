using System.Text.RegularExpressions;
using TumorBoard.Core.Trials;
using TumorBoard.Core.Trials.Criteria;
using TumorBoard.Core.Vocabularies;
using TumorBoard.KnowledgeBase.Json;
using TumorBoard.KnowledgeBase.Rules;

namespace TumorBoard.KnowledgeBase.Trials;

/// <summary>Reads one trial file: metadata, drug classes, code-named agents and arms.</summary>
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
        var arms = Arms(file, criteria, drugs);
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

    private List<TrialArm>? Arms(LineObject file, CriterionParser criteria, DrugChecker drugs)
    {
        var array = reader.Array(file, "arms");
        if (array is null)
        {
            return null;
        }

        if (array.Items.Count == 0)
        {
            reader.Error(array.Line, "a trial needs at least one arm");
        }

        var trialId = reader.Subject;
        var arms = new List<TrialArm>();
        var valid = true;
        foreach (var item in array.Items)
        {
            if (item is not LineObject node)
            {
                reader.Error(item.Line, "every arm must be an object");
                valid = false;
                continue;
            }

            var arm = Arm(node, criteria, drugs, trialId);
            valid &= arm is not null;
            if (arm is not null)
            {
                arms.Add(arm);
            }
        }

        reader.Subject = trialId;
        return CheckArmReferences(arms, array) && valid ? arms : null;
    }

    private TrialArm? Arm(LineObject node, CriterionParser criteria, DrugChecker drugs, string? trialId)
    {
        reader.OnlyProperties(node, "id", "title", "drugs", "status", "nctId", "levelOfEvidence", "escat", "select", "population", "criteria", "citations");
        var id = reader.String(node, "id");
        if (id is not null && !ArmIdPattern().IsMatch(id))
        {
            reader.Error(node["id"]!.Line, $"arm id '{id}' must be letters, digits, '-' and '+'");
        }

        reader.Subject = $"{trialId}/{id}";
        var title = reader.String(node, "title");
        var drugList = reader.Strings(node, "drugs", required: true);
        if (node["drugs"] is LineArray { Items.Count: 0 })
        {
            reader.Error(node.Line, "'drugs' must list at least one drug");
        }

        var drugsValid = drugs.Check(drugList, node["drugs"]?.Line ?? node.Line);
        var statusText = reader.String(node, "status");
        var statusValid = ArmStatuses.TryParse(statusText, out var status);
        if (statusText is not null && !statusValid)
        {
            reader.Error(node["status"]!.Line, $"status '{statusText}' must be open, closed or suspended");
        }
        var nctId = reader.String(node, "nctId", required: false);
        if (nctId is not null && !CitationParser.IsNctId(nctId))
        {
            reader.Error(node["nctId"]!.Line, $"'{nctId}' is not a ClinicalTrials.gov id (NCT and 8 digits)");
        }

        var level = reader.String(node, "levelOfEvidence", required: false);
        if (level is not null && !LevelPattern().IsMatch(level))
        {
            reader.Error(node["levelOfEvidence"]!.Line, $"level of evidence '{level}' must be 1, 2, 2a, 2b or 3");
        }

        var escat = reader.Object(node, "escat", required: false) is { } e ? EscatParser.Parse(reader, _citations, e) : null;
        var selection = reader.Object(node, "select") is { } s ? criteria.Selection(s) : null;
        var population = criteria.List(node, "population");
        var criteriaList = criteria.List(node, "criteria");
        var citations = _citations.List(node);
        if (id is null || title is null || selection is null || population is null || criteriaList is null || citations is null
            || !statusValid || !drugsValid || drugList.Count == 0)
        {
            return null;
        }

        return new TrialArm
        {
            Id = id,
            Title = title,
            Drugs = drugList,
            DefaultStatus = status,
            NctId = nctId,
            LevelOfEvidence = level,
            Escat = escat,
            Selection = selection,
            Population = population,
            Criteria = criteriaList,
            Citations = citations,
            Origin = $"{reader.File}:{node.Line}",
        };
    }

    private bool CheckArmReferences(List<TrialArm> arms, LineArray array)
    {
        var valid = true;
        foreach (var duplicate in arms.GroupBy(a => a.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            reader.Error(array.Line, $"duplicate arm id '{duplicate.Key}'");
            valid = false;
        }

        var biomarkerArms = arms.Where(a => !a.IsNonMatch).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var arm in arms.Where(a => a.Selection is NoMatchedArmCriterion))
        {
            foreach (var missing in ((NoMatchedArmCriterion)arm.Selection).ArmIds.Where(a => !biomarkerArms.Contains(a)))
            {
                reader.Error(array.Line, $"non-match arm '{arm.Id}' names '{missing}', which is not a biomarker arm of this trial");
                valid = false;
            }
        }

        return valid;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]*$")]
    private static partial Regex TrialIdPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9+-]*$")]
    private static partial Regex ArmIdPattern();

    [GeneratedRegex("^(1|2|2a|2b|3)$")]
    private static partial Regex LevelPattern();
}
