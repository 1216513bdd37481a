using System.Globalization;
using System.Text.Json.Nodes;
using TumorBoard.Core.Rules;
using TumorBoard.Core.Trials;
using TumorBoard.Core.Trials.Criteria;
using TumorBoard.Core.Trials.Ctml;
using TumorBoard.Core.Vocabularies;

namespace TumorBoard.KnowledgeBase.Ctml;

/// <summary>
/// Writes any trial as CTML: the match trees are generated from TumorBoard's criteria (so an imported trial round
/// trips through the model, not through a stored copy); the layout (steps, arm codes, internal ids, dose levels) comes
/// from the imported document when there is one. What CTML cannot say is listed, never silently dropped, under
/// <see cref="CtmlImporter.NotExportedKey"/>.
/// </summary>
public sealed partial class CtmlExporter(OncoTree oncoTree)
{
    /// <param name="trial">The trial as the engine uses it.</param>
    /// <param name="imported">The CTML document the trial was imported from (its layout is kept), or null for a shipped trial.</param>
    /// <param name="statusOf">The arm's current status (coordinators' overrides), or null for the trial's defaults.</param>
    public JsonObject Export(Trial trial, JsonObject? imported, Func<string, ArmStatus>? statusOf = null)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var lost = new List<string>();
        var document = imported?.DeepClone().AsObject() ?? Synthesize(trial);
        document.Remove(CtmlImporter.NotExportedKey);
        var steps = (JsonArray)((JsonObject)document["treatment_list"]!)["step"]!;
        foreach (var place in CtmlArmIds.Assign(document))
        {
            var step = (JsonObject)steps[place.StepIndex]!;
            var owner = place.IsStepMatch ? step : (JsonObject)((JsonArray)step["arm"]!)[place.ArmIndex]!;
            if (trial.Arms.FirstOrDefault(a => string.Equals(a.Id, place.ArmId, StringComparison.Ordinal)) is not { } arm)
            {
                continue;
            }

            var match = Match(arm, lost);
            if (match is null)
            {
                owner.Remove("match");
            }
            else
            {
                owner["match"] = match;
            }

            var status = statusOf?.Invoke(arm.Id) ?? arm.DefaultStatus;
            if (!place.IsStepMatch && (imported is null || status != arm.DefaultStatus))
            {
                // CTML knows suspended or not; TumorBoard's closed and suspended both export as Y.
                owner["arm_suspended"] = status == ArmStatus.Open ? "N" : "Y";
            }
        }

        if (lost.Count > 0)
        {
            document[CtmlImporter.NotExportedKey] = new JsonArray(lost.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray());
        }

        return document;
    }

    private static JsonObject Synthesize(Trial trial)
    {
        var arms = new JsonArray();
        foreach (var arm in trial.Arms)
        {
            arms.Add(new JsonObject
            {
                ["arm_code"] = arm.Id,
                ["arm_description"] = arm.Title,
                ["arm_suspended"] = arm.DefaultStatus == ArmStatus.Open ? "N" : "Y",
                ["match"] = new JsonArray(),
            });
        }

        var document = new JsonObject { ["protocol_no"] = trial.Id };
        if (trial.NctIds.Count > 0)
        {
            document["nct_id"] = trial.PrimaryNctId;
        }

        document["long_title"] = trial.Title;
        document["treatment_list"] = new JsonObject { ["step"] = new JsonArray(new JsonObject { ["step_code"] = "1", ["arm"] = arms }) };
        return document;
    }

    private JsonArray? Match(TrialArm arm, List<string> lost)
    {
        if (arm.Selection is NoMatchedArmCriterion or NoTargetableAlterationCriterion)
        {
            lost.Add($"arm {arm.Id}: its selection ({arm.Selection.Text}) has no CTML form; the arm is exported without a match, so MatchMiner matches nobody to it");
            return null;
        }

        var nodes = new List<JsonObject>();
        var conjuncts = (arm.Selection is AnyPatientCriterion ? [] : new[] { arm.Selection }).Concat(arm.Population).Concat(arm.Criteria);
        foreach (var criterion in conjuncts)
        {
            if (Node(criterion, negated: false, arm.Id, lost) is { } node)
            {
                AddFlattened(node, "and", nodes);
            }
        }

        if (nodes.Count == 0)
        {
            lost.Add($"arm {arm.Id}: no criterion has a CTML form; exported without a match");
            return null;
        }

        return new JsonArray(nodes.Count == 1 && (nodes[0].ContainsKey("and") || nodes[0].ContainsKey("or"))
            ? nodes[0]
            : new JsonObject { ["and"] = new JsonArray(nodes.Cast<JsonNode?>().ToArray()) });
    }

    private static void AddFlattened(JsonObject node, string kind, List<JsonObject> into)
    {
        if (node.Count == 1 && node[kind] is JsonArray children)
        {
            into.AddRange(children.Select(c => c!.DeepClone().AsObject()));
        }
        else
        {
            into.Add(node);
        }
    }

    private JsonObject? Node(TrialCriterion criterion, bool negated, string armId, List<string> lost)
    {
        switch (criterion)
        {
            case AllCriteria or AnyCriteria when negated:
                return Lose(criterion, "a negated and/or group", armId, lost);
            case AllCriteria all:
                return Group("and", all.Criteria, armId, lost);
            case AnyCriteria any:
                return Group("or", any.Criteria, armId, lost);
            case NotCriterion not:
                // The negation's wording (display_name, a curated label) travels with the negated node.
                return Node(not.Criterion with { Label = not.Label ?? not.Criterion.Label }, !negated, armId, lost);
            case GenomicCriterion genomic when genomic.Samples != SampleScope.Any || genomic.Origin != RequiredOrigin.Any:
                return Lose(criterion, "sample or germline/somatic choice", armId, lost);
            case GenomicCriterion genomic:
                return Matcher(genomic.Matcher, negated, genomic.Label, criterion, armId, lost);
            case TumorCriterion tumor:
                return Tumor(tumor.Scope, negated, criterion, armId, lost);
            case AgeExpressionCriterion age when !negated:
                return Clinical("age_numerical", age.Expression);
            case AgeCriterion age when !negated:
                return (age.Min, age.Max) switch
                {
                    ({ } min, null) => Clinical("age_numerical", ">=" + min.ToString(CultureInfo.InvariantCulture)),
                    // Whole years <= max means younger than max + 1 years.
                    (null, { } max) => Clinical("age_numerical", "<" + (max + 1).ToString(CultureInfo.InvariantCulture)),
                    ({ } min, { } max) => new JsonObject
                    {
                        ["and"] = new JsonArray(
                            Clinical("age_numerical", ">=" + min.ToString(CultureInfo.InvariantCulture)),
                            Clinical("age_numerical", "<" + (max + 1).ToString(CultureInfo.InvariantCulture))),
                    },
                    _ => null,
                };
            case SexCriterion sex:
                return Clinical("gender", (negated ? "!" : "") + (sex.Sex == "female" ? "Female" : "Male"));
            case CtmlCheckCriterion check when !negated:
                var fields = new JsonObject();
                foreach (var (key, value) in check.Fields)
                {
                    fields[key] = value;
                }

                if (check.Label is not null)
                {
                    fields["display_name"] = check.Label;
                }

                return new JsonObject { [check.Node] = fields };
            default:
                return Lose(criterion, "no CTML field says this", armId, lost);
        }
    }

    private JsonObject? Group(string kind, IReadOnlyList<TrialCriterion> parts, string armId, List<string> lost)
    {
        var children = new List<JsonObject>();
        foreach (var part in parts)
        {
            if (Node(part, negated: false, armId, lost) is { } child)
            {
                AddFlattened(child, kind, children);
            }
        }

        return children.Count switch
        {
            0 => null,
            1 => children[0],
            _ => new JsonObject { [kind] = new JsonArray(children.Cast<JsonNode?>().ToArray()) },
        };
    }

    private static JsonObject? Lose(TrialCriterion criterion, string why, string armId, List<string> lost)
    {
        lost.Add($"arm {armId}: {criterion.Text} ({why})");
        return null;
    }
}
