using TumorBoard.Core.Rules;
using TumorBoard.Core.Rules.Engine;
using TumorBoard.Core.Trials.Criteria;

namespace TumorBoard.Core.Trials.Evaluation;

/// <summary>
/// Three-valued evaluation of a criterion tree (Kleene logic: AND is unmet if any part is unmet, OR is met if
/// any part is met, NOT keeps unknown). Leaves read only the evaluation context, never a clock or I/O.
/// </summary>
internal static class CriterionEvaluator
{
    public static Verdict Evaluate(TrialCriterion criterion, EvaluationContext context) => criterion switch
    {
        AllCriteria all => Combine(all.Criteria, context, all: true),
        AnyCriteria any => Combine(any.Criteria, context, all: false),
        NotCriterion not => Evaluate(not.Criterion, context).Negate(),
        GenomicCriterion genomic => Genomic(genomic, context),
        TumorCriterion tumor => Tumor(tumor.Scope, context.Tumor),
        MarkerCriterion marker => Marker(marker, context),
        ManualCheckCriterion => Verdict.Unknown("not in the structured record; check against the protocol"),
        Ctml.AgeExpressionCriterion age => CtmlCriteriaEvaluator.Age(age, context),
        Ctml.CtmlCheckCriterion check => CtmlCriteriaEvaluator.Check(check),
        Ctml.AnyPatientCriterion => Verdict.Met("every patient is considered"),
        _ => ClinicalCriteria.Evaluate(criterion, context),
    };

    private static Verdict Combine(IReadOnlyList<TrialCriterion> parts, EvaluationContext context, bool all)
    {
        var met = 0;
        var unmet = 0;
        var details = new List<string>(parts.Count);
        foreach (var part in parts)
        {
            var verdict = Evaluate(part, context);
            details.Add($"{part.Text}: {verdict.Outcome.Code()} ({verdict.Detail})");
            if (verdict.Outcome == CriterionOutcome.Met)
            {
                met++;
            }
            else if (verdict.Outcome == CriterionOutcome.Unmet)
            {
                unmet++;
            }
        }

        var detail = string.Join("; ", details);
        if (all)
        {
            return unmet > 0 ? Verdict.Unmet(detail) : met == parts.Count ? Verdict.Met(detail) : Verdict.Unknown(detail);
        }

        return met > 0 ? Verdict.Met(detail) : unmet == parts.Count ? Verdict.Unmet(detail) : Verdict.Unknown(detail);
    }

    private static Verdict Genomic(GenomicCriterion criterion, EvaluationContext context)
    {
        var hits = new List<MatchedAlteration>(2);
        return GenomicEvaluator.Evaluate(criterion, context.Alterations, hits)
            ? Verdict.Met(hits.Count == 0 ? "condition holds" : "found " + Describe(hits))
            : Verdict.Unmet("not found in the reported alterations");
    }

    internal static string Describe(IEnumerable<MatchedAlteration> hits) =>
        string.Join(", ", hits.Select(h => $"{h.Alteration.Key} ({h.Role.ToString().ToLowerInvariant()}, report {h.ReportId})"));

    private static Verdict Tumor(TumorScope scope, TumorContext tumor) => tumor.Decide(scope) switch
    {
        ScopeDecision.OutOfScope => Verdict.Unmet($"tumour {tumor.Code}"),
        ScopeDecision.Undecidable => Verdict.Unknown("tumour type unknown"),
        _ => Verdict.Met($"tumour {tumor.Code}"),
    };

    private static Verdict Marker(MarkerCriterion criterion, EvaluationContext context)
    {
        var check = ContextEvaluator.Check(new ReceptorRequirement(criterion.Marker, criterion.Status), context.Patient.Markers);
        var reported = context.Patient.Markers.TryGetValue(criterion.Marker, out var status)
            ? $"{ClinicalMarkers.Code(criterion.Marker)} {ClinicalMarkers.StatusText(criterion.Marker, status)}"
            : $"{ClinicalMarkers.Code(criterion.Marker)} not reported";
        return check switch
        {
            FactCheck.Satisfied => Verdict.Met(reported),
            FactCheck.Contradicted => Verdict.Unmet(reported),
            _ => Verdict.Unknown(reported),
        };
    }
}
