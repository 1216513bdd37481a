using System.Text.RegularExpressions;
using TumorBoard.Core.Trials;
using TumorBoard.Core.Trials.Criteria;
using TumorBoard.KnowledgeBase.Json;
using TumorBoard.KnowledgeBase.Rules;

namespace TumorBoard.KnowledgeBase.Trials;

/// <summary>Reads a trial's <c>arms</c>: each arm's fields and criteria, then the checks across arms (unique ids, non-match references).</summary>
internal sealed partial class TrialArmParser(NodeReader reader, CitationParser citations, CriterionParser criteria, DrugChecker drugs)
{
    public List<TrialArm>? Arms(LineObject file)
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

            var arm = Arm(node, trialId);
            valid &= arm is not null;
            if (arm is not null)
            {
                arms.Add(arm);
            }
        }

        reader.Subject = trialId;
        return CheckArmReferences(arms, array) && valid ? arms : null;
    }

    private TrialArm? Arm(LineObject node, string? trialId)
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

        var escat = reader.Object(node, "escat", required: false) is { } e ? EscatParser.Parse(reader, citations, e) : null;
        var selection = reader.Object(node, "select") is { } s ? criteria.Selection(s) : null;
        var population = criteria.List(node, "population");
        var criteriaList = criteria.List(node, "criteria");
        var armCitations = citations.List(node);
        if (id is null || title is null || selection is null || population is null || criteriaList is null || armCitations is null
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
            Citations = armCitations,
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

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9+-]*$")]
    private static partial Regex ArmIdPattern();

    [GeneratedRegex("^(1|2|2a|2b|3)$")]
    private static partial Regex LevelPattern();
}
