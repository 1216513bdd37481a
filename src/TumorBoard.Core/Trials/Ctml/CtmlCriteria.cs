using System.Globalization;
using TumorBoard.Core.Trials.Criteria;

namespace TumorBoard.Core.Trials.Ctml;

/// <summary>
/// CTML <c>age_numerical</c> as matchengine-V2's <c>age_range_to_date_int_query</c> reads it: the birth date is
/// compared with the evaluation date minus <paramref name="Years"/> years and <paramref name="Months"/> months
/// (a fraction of a year is curated as months: 0.5 = 6 months). <c>&gt;=18</c>: born on or before that date.
/// <paramref name="Expression"/> is the text as curated, exported back unchanged.
/// </summary>
public sealed record AgeExpressionCriterion(string Operator, int Years, int Months, string Expression) : TrialCriterion
{
    public override string Describe() =>
        $"age {Operator} {Years.ToString(CultureInfo.InvariantCulture)} years" + (Months > 0 ? $" {Months.ToString(CultureInfo.InvariantCulture)} months" : "");
}

/// <summary>
/// A CTML key the service cannot evaluate from the record (mutational signatures, MMR/MS statuses other than
/// MSI-H): kept verbatim so it exports back unchanged, and always unknown, so an arm keeping it is at best
/// <c>potential</c> and the coordinator checks it.
/// </summary>
public sealed record CtmlCheckCriterion(string Node, IReadOnlyList<KeyValuePair<string, string>> Fields, string Reason) : TrialCriterion
{
    public override string Describe() =>
        $"check: {Node} {string.Join(", ", Fields.Select(f => $"{f.Key} {f.Value}"))} ({Reason})";
}

/// <summary>
/// The selection of a CTML arm whose match names no genomic biomarker (clinical keys, signatures only): every
/// patient is considered and the arm's other criteria decide.
/// </summary>
public sealed record AnyPatientCriterion : TrialCriterion
{
    public override string Describe() => "no genomic selection (the arm's criteria decide)";
}
