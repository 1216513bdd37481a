using System.Globalization;
using TumorBoard.Core.Trials.Ctml;

namespace TumorBoard.Core.Trials.Evaluation;

/// <summary>Evaluates the criteria only CTML imports produce.</summary>
internal static class CtmlCriteriaEvaluator
{
    public static Verdict Age(AgeExpressionCriterion criterion, EvaluationContext context)
    {
        if (context.Patient.BirthDate is not { } birth)
        {
            return Verdict.Unknown("birth date not recorded (Patient.birthDate absent)");
        }

        // matchengine-V2 compares the birth date with "today minus the age" (age_range_to_date_int_query).
        var threshold = context.EvaluationDate.AddYears(-criterion.Years).AddMonths(-criterion.Months);
        var holds = criterion.Operator switch
        {
            ">=" => birth <= threshold,
            ">" => birth < threshold,
            "<=" => birth >= threshold,
            "<" => birth > threshold,
            _ => birth == threshold,
        };
        var detail = $"born {birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, threshold {threshold.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} ({context.Patient.BirthDateSource ?? "recorded birth date"})";
        return holds ? Verdict.Met(detail) : Verdict.Unmet(detail);
    }

    public static Verdict Check(CtmlCheckCriterion criterion) => Verdict.Unknown($"{criterion.Reason}; check against the record");
}
