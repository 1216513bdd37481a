namespace TumorBoard.Core.Trials.Evaluation;

/// <summary>A criterion's outcome with the reason, before it becomes a trace line.</summary>
internal readonly record struct Verdict(CriterionOutcome Outcome, string Detail)
{
    public static Verdict Met(string detail) => new(CriterionOutcome.Met, detail);

    public static Verdict Unmet(string detail) => new(CriterionOutcome.Unmet, detail);

    public static Verdict Unknown(string detail) => new(CriterionOutcome.Unknown, detail);

    public Verdict Negate() => Outcome switch
    {
        CriterionOutcome.Met => Unmet(Detail),
        CriterionOutcome.Unmet => Met(Detail),
        _ => this,
    };
}
