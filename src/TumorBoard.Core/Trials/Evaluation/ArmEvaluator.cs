using TumorBoard.Core.Rules;
using TumorBoard.Core.Trials.Criteria;

namespace TumorBoard.Core.Trials.Evaluation;

/// <summary>
/// Decides one arm: the selection must hold (a non-match selection may be unknown), no population criterion
/// may be unmet (a non-match arm needs its population met), and then every line of the trace sets the status.
/// </summary>
internal static class ArmEvaluator
{
    public static ArmMatch? Evaluate(CompiledArm compiled, EvaluationContext context, ArmStatus armStatus)
    {
        var arm = compiled.Arm;
        var trace = new List<CriterionResult>(arm.Criteria.Count + arm.Population.Count + 1);
        context.SelectionHits.Clear();
        foreach (var criterion in arm.Population)
        {
            var verdict = CriterionEvaluator.Evaluate(criterion, context);
            if (verdict.Outcome == CriterionOutcome.Unmet || (arm.IsNonMatch && verdict.Outcome != CriterionOutcome.Met))
            {
                return null;
            }

            trace.Add(new CriterionResult(criterion.Text, verdict.Outcome, verdict.Detail));
        }

        var selection = Select(arm.Selection, context);
        var selected = selection.Outcome == CriterionOutcome.Met || (arm.IsNonMatch && selection.Outcome == CriterionOutcome.Unknown);
        if (!selected)
        {
            return null;
        }

        trace.Insert(0, new CriterionResult(arm.Selection.Text, selection.Outcome, selection.Detail));
        foreach (var criterion in arm.Criteria)
        {
            var verdict = CriterionEvaluator.Evaluate(criterion, context);
            trace.Add(new CriterionResult(criterion.Text, verdict.Outcome, verdict.Detail));
        }

        var status = trace.Exists(t => t.Result == CriterionOutcome.Unmet) ? EligibilityStatus.Ineligible
            : trace.Exists(t => t.Result == CriterionOutcome.Unknown) ? EligibilityStatus.Potential
            : EligibilityStatus.Eligible;
        var trial = compiled.Trial;
        var hits = context.SelectionHits.ToList();
        var biomarker = Targetable.BiomarkerLevel(arm, hits, context.Patient.KnowledgeBaseMatches);
        return new ArmMatch
        {
            TrialId = trial.Id,
            NctId = trial.PrimaryNctId,
            ArmNctId = arm.NctId,
            TrialVersion = trial.Version,
            ArmId = arm.Id,
            ArmTitle = arm.Title,
            Drugs = arm.Drugs,
            Status = status,
            ArmStatus = armStatus,
            LevelOfEvidence = arm.LevelOfEvidence,
            Escat = arm.Escat?.Tier,
            Criteria = trace,
            MatchedAlterations = hits,
            BiomarkerLevel = biomarker?.Level.ToCode(),
            BiomarkerLevelRuleId = biomarker?.RuleId,
            Citations = arm.Citations,
        };
    }

    /// <summary>Evaluates the selection, keeping the alterations its genomic parts matched for later criteria.</summary>
    private static Verdict Select(TrialCriterion selection, EvaluationContext context)
    {
        if (selection is GenomicCriterion genomic)
        {
            var hits = context.SelectionHits;
            return GenomicEvaluator.Evaluate(genomic, context.Alterations, hits) && hits.Count > 0
                ? Verdict.Met("found " + CriterionEvaluator.Describe(hits))
                : Verdict.Unmet("not found");
        }

        if (selection is AllCriteria or AnyCriteria)
        {
            foreach (var part in Leaves(selection).OfType<GenomicCriterion>())
            {
                GenomicEvaluator.Evaluate(part, context.Alterations, context.SelectionHits);
            }
        }

        return CriterionEvaluator.Evaluate(selection, context);
    }

    private static IEnumerable<TrialCriterion> Leaves(TrialCriterion criterion) => criterion switch
    {
        AllCriteria all => all.Criteria.SelectMany(Leaves),
        AnyCriteria any => any.Criteria.SelectMany(Leaves),
        _ => [criterion],
    };
}
