using TumorBoard.Core.Trials.Criteria;
using TumorBoard.Core.Vocabularies;
using TumorBoard.KnowledgeBase.Json;
using TumorBoard.KnowledgeBase.Rules;

namespace TumorBoard.KnowledgeBase.Trials;

/// <summary>
/// Reads criterion objects: each has exactly one kind key (<c>allOf</c>, <c>anyOf</c>, <c>not</c>, <c>genomic</c>,
/// <c>tumor</c>, <c>priorTherapy</c>, <c>age</c>, <c>sex</c>, <c>marker</c>, <c>specimenRecency</c>, <c>acquired</c>,
/// <c>clinical</c>, <c>noMatchedArm</c>, <c>check</c>, <c>copyNumber</c>) and optionally a <c>label</c>. Genomic conditions use the
/// rules engine's matcher parser (<see cref="GenomicCriterionParser"/>), so trials and rules share one closed matcher vocabulary;
/// therapy history is read by <see cref="PriorTherapyCriterionParser"/>, the other leaves by <see cref="CriterionLeafParser"/>.
/// </summary>
internal sealed class CriterionParser(
    NodeReader reader,
    OncoTree oncoTree,
    DrugChecker drugs,
    IReadOnlyDictionary<string, IReadOnlyList<string>> drugClasses,
    decimal? defaultAmplificationCopyNumber)
{
    public static readonly IReadOnlyList<string> Kinds =
    [
        "allOf", "anyOf", "not", "genomic", "tumor", "priorTherapy", "age", "sex", "marker", "specimenRecency", "acquired", "risingInBlood",
        "clinical", "noMatchedArm", "check", "copyNumber", "priorLines", "noTargetableAlteration",
    ];

    private readonly GenomicCriterionParser _genomic = new(reader, defaultAmplificationCopyNumber);
    private readonly CriterionLeafParser _leaves = new(reader, oncoTree);
    private readonly PriorTherapyCriterionParser _priorTherapies = new(reader, drugs, drugClasses);

    /// <summary>An arm's selection: a genomic or marker condition (possibly combined), or a non-match condition.</summary>
    public TrialCriterion? Selection(LineObject node)
    {
        var selection = One(node);
        if (selection is not null and not NoMatchedArmCriterion && !HasTrigger(selection))
        {
            reader.Error(node.Line, "a selection needs a genomic or marker condition (or 'noMatchedArm' for a non-match arm)");
            return null;
        }

        return selection;
    }

    /// <summary>An optional array of criteria; null when any item is invalid.</summary>
    public List<TrialCriterion>? List(LineObject owner, string name)
    {
        var result = new List<TrialCriterion>();
        var valid = true;
        foreach (var item in reader.Array(owner, name, required: false)?.Items ?? [])
        {
            var criterion = item is LineObject node ? One(node) : null;
            if (item is not LineObject)
            {
                reader.Error(item.Line, $"every item of '{name}' must be a criterion object");
            }

            valid &= criterion is not null;
            if (criterion is not null)
            {
                result.Add(criterion);
            }
        }

        return valid ? result : null;
    }

    private TrialCriterion? One(LineObject node)
    {
        var kinds = node.Properties.Where(p => Kinds.Contains(p.Name, StringComparer.Ordinal)).ToList();
        var unknown = node.Properties.Where(p => !Kinds.Contains(p.Name, StringComparer.Ordinal) && p.Name is not ("label" or "comment" or "source" or "$schema")).ToList();
        foreach (var other in unknown)
        {
            reader.Error(other.Line, $"unknown criterion key '{other.Name}' (known: {string.Join(", ", Kinds)}, label)");
        }

        if (kinds.Count == 0 && unknown.Count > 0)
        {
            return null;
        }

        if (kinds.Count != 1)
        {
            reader.Error(node.Line, kinds.Count == 0
                ? $"a criterion needs one of: {string.Join(", ", Kinds)}"
                : $"a criterion has exactly one kind, found {string.Join(", ", kinds.Select(k => k.Name))}");
            return null;
        }

        var label = reader.String(node, "label", required: false);
        var source = reader.String(node, "source", required: false);
        if (source is not null and not "matchbox")
        {
            reader.Error(node["source"]!.Line, $"source '{source}' must be 'matchbox' (a fact read only in MATCHbox artefacts); omit it for trial sources");
        }

        var criterion = Parse(kinds[0], node);
        if (criterion is not null && source == "matchbox")
        {
            criterion = criterion with { Source = CriterionSource.MatchboxData };
        }

        return criterion is null || label is null ? criterion : criterion with { Label = label };
    }

    private TrialCriterion? Parse(LineProperty kind, LineObject owner)
    {
        var value = kind.Value;
        switch (kind.Name)
        {
            case "allOf" or "anyOf":
                var parts = Children(value, kind.Name);
                return parts is null ? null : kind.Name == "allOf" ? new AllCriteria(parts) : new AnyCriteria(parts);
            case "not":
                return value is LineObject inner ? One(inner) is { } negated ? new NotCriterion(negated) : null : Fail(value, "'not' takes one criterion object");
            case "genomic":
                return value is LineObject genomic ? _genomic.Parse(genomic) : Fail(value, "'genomic' must be an object with 'biomarker'");
            case "priorTherapy":
                return value is LineObject prior ? _priorTherapies.PriorTherapy(prior) : Fail(value, "'priorTherapy' must be an object with 'drugs' or 'classes'");
            case "priorLines":
                return value is LineObject lines ? _priorTherapies.PriorLines(lines) : Fail(value, "'priorLines' must be an object with 'min' and/or 'max'");
            case "noMatchedArm":
                return value is LineArray arms && arms.Items.All(i => i is LineString)
                    ? new NoMatchedArmCriterion(arms.Items.Cast<LineString>().Select(s => s.Value).ToList())
                    : Fail(value, "'noMatchedArm' lists the trial's biomarker arm ids");
            case "noTargetableAlteration":
                return value is LineObject targetable ? _leaves.NoTargetable(targetable) : Fail(value, "'noTargetableAlteration' must be an object with 'levels'");
            default:
                return _leaves.Parse(kind, owner);
        }
    }

    private List<TrialCriterion>? Children(LineNode value, string name)
    {
        if (value is not LineArray array || array.Items.Count < 2)
        {
            reader.Error(value.Line, $"'{name}' needs an array of at least two criteria");
            return null;
        }

        var parts = new List<TrialCriterion>();
        foreach (var item in array.Items)
        {
            if (item is LineObject node && One(node) is { } part)
            {
                parts.Add(part);
            }
            else if (item is not LineObject)
            {
                reader.Error(item.Line, $"every item of '{name}' must be a criterion object");
            }
        }

        return parts.Count == array.Items.Count ? parts : null;
    }

    private TrialCriterion? Fail(LineNode node, string reason)
    {
        reader.Error(node.Line, reason);
        return null;
    }

    private static bool HasTrigger(TrialCriterion criterion) => criterion switch
    {
        GenomicCriterion or MarkerCriterion or NoTargetableAlterationCriterion => true,
        AnyCriteria any => any.Criteria.All(HasTrigger),
        AllCriteria all => all.Criteria.Any(HasTrigger),
        _ => false,
    };
}
