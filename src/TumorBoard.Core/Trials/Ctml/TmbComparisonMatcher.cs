using System.Globalization;
using TumorBoard.Core.Alterations;
using TumorBoard.Core.Rules.Matchers;

namespace TumorBoard.Core.Trials.Ctml;

/// <summary>
/// CTML <c>tmb_numerical</c> (<c>&gt;=10</c>, <c>&gt;15</c>, <c>&lt;=40</c>, <c>&lt;40</c>, <c>==40</c>) against the reported TMB in
/// mutations per megabase, as matchengine-V2's <c>tmb_range_to_query</c>; no reported TMB matches nothing.
/// </summary>
public sealed record TmbComparisonMatcher(string Operator, decimal Value) : AlterationMatcher
{
    public static readonly IReadOnlyList<string> Operators = [">=", "<=", "==", ">", "<"];

    public override string IndexKey => IndexKeys.Tmb;

    public override bool Matches(Alteration alteration)
    {
        ArgumentNullException.ThrowIfNull(alteration);
        return alteration.Kind == AlterationKind.Tmb && alteration.Value is { } tmb && Operator switch
        {
            ">=" => tmb >= Value,
            ">" => tmb > Value,
            "<=" => tmb <= Value,
            "<" => tmb < Value,
            _ => tmb == Value,
        };
    }

    public override string Describe() => $"TMB {Operator} {Value.ToString(CultureInfo.InvariantCulture)} mut/Mb";
}
