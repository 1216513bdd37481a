using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TumorBoard.Core.Rules;
using TumorBoard.Core.Trials;
using TumorBoard.Core.Trials.Criteria;
using TumorBoard.Core.Trials.Ctml;
using TumorBoard.Core.Vocabularies;
using TumorBoard.KnowledgeBase.Rules;

namespace TumorBoard.KnowledgeBase.Ctml;

/// <summary>The trial built from a CTML document, or every problem found; warnings never block.</summary>
public sealed record CtmlImportResult(Trial? Trial, IReadOnlyList<CtmlProblem> Problems, IReadOnlyList<CtmlProblem> Warnings);

/// <summary>
/// Imports a MatchMiner CTML document (<c>treatment_list.step[].arm[].match</c>) as a TumorBoard <see cref="Trial"/>,
/// validating everything first: unsupported fields, unknown genes (HGNC), unmappable OncoTree diagnoses, malformed
/// trees and values each become one problem with its JSON path. Every arm's <c>match</c> becomes one criterion per
/// top-level conjunct: the positive genomic ones select the arm, the rest are population criteria (an unmet one hides
/// the arm, as MatchMiner lists only matching patients; an unknown one makes it <c>potential</c>).
/// </summary>
public sealed partial class CtmlImporter(Vocabulary vocabulary)
{
    /// <summary>Top-level key the exporter writes to list what a TumorBoard trial lost; must be empty on import.</summary>
    public const string NotExportedKey = "_tumorboard_not_exported";

    /// <param name="document">The CTML root object.</param>
    /// <param name="version">The version this import becomes (the trial's version number in TumorBoard).</param>
    /// <param name="contentHash">SHA-256 of the stored document.</param>
    /// <param name="allowUnknownGenes">Keep non-HGNC symbols as nodes that match nobody (a warning each) instead of rejecting the document.</param>
    public CtmlImportResult Import(JsonNode? document, string version, string contentHash, bool allowUnknownGenes = false)
    {
        var problems = new List<CtmlProblem>();
        var warnings = new List<CtmlProblem>();
        if (document is not JsonObject root)
        {
            return new CtmlImportResult(null, [new CtmlProblem("$", "a CTML document is an object with protocol_no and treatment_list")], []);
        }

        Unsupported(root, "$", TrialKeys, problems);
        var id = Required(root, "protocol_no", "$", problems);
        if (id is not null && !TrialIdPattern().IsMatch(id))
        {
            problems.Add(new CtmlProblem("$.protocol_no", $"protocol_no '{id}' must be letters, digits and '-' (it becomes the trial id in routes)"));
        }

        var nct = CtmlArmIds.Text(root["nct_id"]);
        if (nct is not null && !CitationParser.IsNctId(nct))
        {
            problems.Add(new CtmlProblem("$.nct_id", $"'{nct}' is not a ClinicalTrials.gov id (NCT and 8 digits)"));
        }

        if (root[NotExportedKey] is JsonArray { Count: > 0 } lost)
        {
            problems.Add(new CtmlProblem($"$.{NotExportedKey}", $"this document is an export that left out {lost.Count.ToString(CultureInfo.InvariantCulture)} criteria CTML cannot express; importing it would drop them"));
        }

        var open = TrialOpen(root, problems);
        var parser = new CtmlMatchParser(vocabulary, allowUnknownGenes, problems, warnings);
        var arms = Arms(root, open, parser, problems);
        if (arms is { Count: 0 } && problems.Count == 0)
        {
            problems.Add(new CtmlProblem("$.treatment_list", "no step or arm has a 'match': a trial needs at least one"));
        }

        if (problems.Count > 0 || id is null || arms is null)
        {
            return new CtmlImportResult(null, problems, warnings);
        }

        var trial = new Trial
        {
            Id = id,
            NctIds = nct is null ? [] : [nct],
            Title = CtmlArmIds.Text(root["long_title"]) ?? CtmlArmIds.Text(root["short_title"]) ?? id,
            Version = version,
            ContentHash = contentHash,
            Arms = arms,
            Citations = nct is null ? [] : [new Citation(CitationType.Nct, nct, null)],
            Origin = $"ctml:{id}@{version}",
        };
        return new CtmlImportResult(trial, problems, warnings);
    }

    private static List<TrialArm>? Arms(JsonObject root, bool open, CtmlMatchParser parser, List<CtmlProblem> problems)
    {
        if (root["treatment_list"] is not JsonObject list)
        {
            problems.Add(new CtmlProblem("$.treatment_list", "'treatment_list' must be an object with 'step'"));
            return null;
        }

        Unsupported(list, "$.treatment_list", ["step"], problems);
        if (list["step"] is not JsonArray steps)
        {
            problems.Add(new CtmlProblem("$.treatment_list.step", "'step' must be a list"));
            return null;
        }

        CheckSteps(steps, problems);

        var arms = new List<TrialArm>();
        foreach (var place in CtmlArmIds.Assign(root))
        {
            var step = (JsonObject)steps[place.StepIndex]!;
            var stepPath = $"$.treatment_list.step[{place.StepIndex.ToString(CultureInfo.InvariantCulture)}]";
            var owner = place.IsStepMatch ? step : (JsonObject)((JsonArray)step["arm"]!)[place.ArmIndex]!;
            var path = place.IsStepMatch ? $"{stepPath}.match" : $"{stepPath}.arm[{place.ArmIndex.ToString(CultureInfo.InvariantCulture)}].match";
            if (!owner.ContainsKey("match"))
            {
                continue;
            }

            var conjuncts = parser.Conjuncts(owner["match"], path);
            if (conjuncts is null)
            {
                continue;
            }

            var status = !open ? ArmStatus.Closed
                : place.IsStepMatch ? StepStatus(step)
                : IsYes(owner["arm_suspended"]) ? ArmStatus.Suspended : ArmStatus.Open;
            arms.Add(Arm(place.ArmId, owner, step, place.IsStepMatch, conjuncts, status));
        }

        return arms;
    }

    private static TrialArm Arm(string id, JsonObject owner, JsonObject step, bool stepMatch, List<TrialCriterion> conjuncts, ArmStatus status)
    {
        var triggers = conjuncts.Where(HasTrigger).ToList();
        var rest = conjuncts.Where(c => !HasTrigger(c)).ToList();
        TrialCriterion selection = triggers.Count switch
        {
            0 => new AnyPatientCriterion(),
            1 => triggers[0],
            _ => new AllCriteria(triggers),
        };
        var title = stepMatch
            ? $"Step {CtmlArmIds.Text(step["step_code"]) ?? id}" + (CtmlArmIds.Text(step["step_type"]) is { } type ? $" ({type})" : "")
            : CtmlArmIds.Text(owner["arm_description"]) ?? CtmlArmIds.Text(owner["arm_code"]) ?? id;
        return new TrialArm
        {
            Id = id,
            Title = title,
            Drugs = [],
            DefaultStatus = status,
            Selection = selection,
            Population = rest,
            Citations = [],
            Origin = "ctml",
        };
    }

    /// <summary>matchengine-V2 skips a step-level match when every arm of the step is suspended.</summary>
    private static ArmStatus StepStatus(JsonObject step) =>
        step["arm"] is JsonArray { Count: > 0 } arms && arms.All(a => a is JsonObject o && IsYes(o["arm_suspended"])) ? ArmStatus.Suspended : ArmStatus.Open;

    private static bool IsYes(JsonNode? node) => string.Equals(CtmlArmIds.Text(node)?.Trim(), "Y", StringComparison.OrdinalIgnoreCase);

    /// <summary>Positive genomic conditions (the ones an index can look up) select the arm; negations and clinical keys do not.</summary>
    internal static bool HasTrigger(TrialCriterion criterion) => criterion switch
    {
        GenomicCriterion => true,
        AnyCriteria any => any.Criteria.All(HasTrigger),
        AllCriteria all => all.Criteria.Any(HasTrigger),
        _ => false,
    };

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]*$")]
    private static partial Regex TrialIdPattern();
}
