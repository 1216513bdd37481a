using TumorBoard.Core.Trials.Criteria;
using TumorBoard.KnowledgeBase.Json;
using TumorBoard.KnowledgeBase.Rules;

namespace TumorBoard.KnowledgeBase.Trials;

/// <summary>Reads the therapy-history criteria (<c>priorTherapy</c>, <c>priorLines</c>), resolving drug classes to their member drugs.</summary>
internal sealed class PriorTherapyCriterionParser(
    NodeReader reader,
    DrugChecker drugs,
    IReadOnlyDictionary<string, IReadOnlyList<string>> drugClasses)
{
    private readonly PriorTherapyReader _priorTherapies = new(
        reader, drugs, drugClasses.ContainsKey, "define it in the file's 'drugClasses' or the drug vocabulary");

    public PriorTherapyCriterion? PriorTherapy(LineObject node)
    {
        reader.OnlyProperties(node, "drugs", "classes", "current");
        return _priorTherapies.Read(node) is { } fields
            ? new PriorTherapyCriterion(fields.Drugs, fields.Classes, Resolve(fields), reader.Bool(node, "current", false))
            : null;
    }

    public PriorLinesCriterion? PriorLines(LineObject node)
    {
        reader.OnlyProperties(node, "drugs", "classes", "min", "max");
        var fields = _priorTherapies.Read(node, requireDrugsOrClasses: false);
        var min = reader.Integer(node, "min", required: false);
        var max = reader.Integer(node, "max", required: false);
        if (min is null && max is null || min < 0 || max < min)
        {
            reader.Error(node.Line, "'priorLines' needs 'min' and/or 'max' line counts with 0 <= min <= max");
            return null;
        }

        return fields is null ? null : new PriorLinesCriterion(fields.Drugs, fields.Classes, Resolve(fields), min, max);
    }

    /// <summary>The named drugs and every member of the named classes, once each.</summary>
    private List<string> Resolve(PriorTherapyFields fields) =>
        fields.Drugs.Concat(fields.Classes.SelectMany(c => drugClasses[c])).Distinct(StringComparer.Ordinal).ToList();
}
