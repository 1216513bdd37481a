using TumorBoard.Core.Patients;
using TumorBoard.Core.Rules;
using TumorBoard.Core.Trials;
using TumorBoard.Core.Trials.Criteria;
using TumorBoard.Core.Vocabularies;
using TumorBoard.KnowledgeBase.Json;
using TumorBoard.KnowledgeBase.Rules;

namespace TumorBoard.KnowledgeBase.Trials;

/// <summary>Reads the simple leaf criteria: tumour, age, sex, marker, specimen recency, acquisition, clinical fact, manual check.</summary>
internal sealed class CriterionLeafParser(NodeReader reader, OncoTree oncoTree)
{
    private readonly TumorScopeParser _tumors = new(reader, oncoTree);

    public TrialCriterion? Parse(LineProperty kind, LineObject owner)
    {
        var value = kind.Value;
        switch (kind.Name)
        {
            case "tumor":
                return value is LineObject tumor ? Tumor(tumor) : Fail(value, "'tumor' must be an object with 'include' and/or 'exclude'");
            case "age":
                return value is LineObject age ? Age(age) : Fail(value, "'age' must be an object with 'min' and/or 'max'");
            case "sex":
                return value is LineString { Value: "female" or "male" } sex ? new SexCriterion(sex.Value) : Fail(value, "'sex' must be \"female\" or \"male\"");
            case "marker":
                return value is LineObject marker ? Marker(marker) : Fail(value, "'marker' must be an object with 'name' and 'status'");
            case "specimenRecency":
                return value is LineObject recency ? Recency(recency) : Fail(value, "'specimenRecency' must be an object with 'maxDays'");
            case "acquired":
                return value is LineBool { Value: true } ? new AcquiredCriterion() : Fail(value, "'acquired' must be true");
            case "risingInBlood":
                return value is LineBool { Value: true } ? new RisingInBloodCriterion() : Fail(value, "'risingInBlood' must be true");
            case "clinical":
                return value is LineObject fact ? Clinical(fact) : Fail(value, "'clinical' must be an object with 'fact' and 'value'");
            case "copyNumber":
                return value is LineObject copies ? CopyNumber(copies) : Fail(value, "'copyNumber' must be an object with 'atLeast'");
            case "check":
                return value is LineString { Value.Length: > 0 } check ? new ManualCheckCriterion(check.Value) : Fail(value, "'check' must be a non-empty text");
            default:
                return Fail(owner, $"unknown criterion kind '{kind.Name}'");
        }
    }

    private TumorCriterion? Tumor(LineObject node) =>
        _tumors.Parse(node, exclusionsAloneMeanAllTumors: true) is { } scope ? new TumorCriterion(scope) : null;

    private AgeCriterion? Age(LineObject node)
    {
        reader.OnlyProperties(node, "min", "max");
        var min = reader.Integer(node, "min", required: false);
        var max = reader.Integer(node, "max", required: false);
        if (min is null && max is null || min < 0 || max < min)
        {
            reader.Error(node.Line, "'age' needs 'min' and/or 'max' whole years with 0 <= min <= max");
            return null;
        }

        return new AgeCriterion(min, max);
    }

    private MarkerCriterion? Marker(LineObject node)
    {
        reader.OnlyProperties(node, "name", "status");
        var name = reader.String(node, "name");
        var status = reader.String(node, "status");
        if (name is null || status is null)
        {
            return null;
        }

        if (!ClinicalMarkers.TryParse(name, out var marker))
        {
            reader.Error(node["name"]!.Line, $"unknown marker '{name}' (known: {string.Join(", ", ClinicalMarkers.Codes)})");
            return null;
        }

        if (status is not ("positive" or "negative"))
        {
            reader.Error(node["status"]!.Line, $"marker status '{status}' must be 'positive' (expressed) or 'negative' (lost)");
            return null;
        }

        return new MarkerCriterion(marker, status == "positive" ? MarkerStatus.Positive : MarkerStatus.Negative);
    }

    private SpecimenRecencyCriterion? Recency(LineObject node)
    {
        reader.OnlyProperties(node, "maxDays");
        var days = reader.Integer(node, "maxDays");
        if (days is < 1)
        {
            reader.Error(node["maxDays"]!.Line, "'maxDays' must be at least 1");
            return null;
        }

        return days is null ? null : new SpecimenRecencyCriterion(days.Value);
    }

    private CopyNumberCriterion? CopyNumber(LineObject node)
    {
        reader.OnlyProperties(node, "atLeast");
        var atLeast = reader.Number(node, "atLeast");
        if (atLeast is <= 0)
        {
            reader.Error(node["atLeast"]!.Line, "'atLeast' must be a positive copy number");
            return null;
        }

        return atLeast is null ? null : new CopyNumberCriterion(atLeast.Value);
    }

    private ClinicalFactCriterion? Clinical(LineObject node)
    {
        reader.OnlyProperties(node, "fact", "value");
        var fact = reader.String(node, "fact");
        if (node["value"] is not LineBool { Value: var expected })
        {
            reader.Error(node.Line, "'clinical' needs a boolean 'value'");
            return null;
        }

        if (fact != "progression")
        {
            reader.Error(node["fact"]?.Line ?? node.Line, $"unknown clinical fact '{fact}' (known: progression)");
            return null;
        }

        return new ClinicalFactCriterion(ClinicalFact.Progression, expected);
    }

    public NoTargetableAlterationCriterion? NoTargetable(LineObject node)
    {
        reader.OnlyProperties(node, "levels", "genes", "unlessTreated");
        var levels = new List<EvidenceLevel>();
        foreach (var code in reader.Strings(node, "levels", required: true))
        {
            if (EvidenceLevels.TryParse(code, out var level) && level is not (EvidenceLevel.R1 or EvidenceLevel.R2))
            {
                levels.Add(level);
            }
            else
            {
                reader.Error(node["levels"]!.Line, $"'{code}' is not a sensitivity level (1, 2, 3A, 3B, 4)");
                return null;
            }
        }

        if (levels.Count == 0)
        {
            reader.Error(node.Line, "'noTargetableAlteration' needs at least one level");
            return null;
        }

        var genes = reader.Strings(node, "genes");
        return new NoTargetableAlterationCriterion(levels, genes, reader.Bool(node, "unlessTreated", false));
    }

    private TrialCriterion? Fail(LineNode node, string reason)
    {
        reader.Error(node.Line, reason);
        return null;
    }
}
