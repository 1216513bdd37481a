namespace TumorBoard.Core.Rules.Matchers;

/// <summary>Co-occurrence: every condition holds (e.g. BRAF V600E AND NOT KRAS mutation).</summary>
public sealed record AllOfMatcher(IReadOnlyList<BiomarkerMatcher> Matchers) : BiomarkerMatcher
{
    /// <summary>Every positive condition must hold, so the first one's keys suffice to find the rule.</summary>
    public override IReadOnlyList<string> TriggerKeys =>
        Matchers.FirstOrDefault(m => m is not NotMatcher)?.TriggerKeys ?? [];

    public override string Describe() => string.Join(" AND ", Matchers.Select(m => m is AnyOfMatcher or AllOfMatcher ? $"({m.Describe()})" : m.Describe()));
}

/// <summary>Any one condition holds (a curated set of codons or classes).</summary>
public sealed record AnyOfMatcher(IReadOnlyList<BiomarkerMatcher> Matchers) : BiomarkerMatcher
{
    public override IReadOnlyList<string> TriggerKeys => Matchers.SelectMany(m => m.TriggerKeys).Distinct(StringComparer.Ordinal).ToList();

    public override string Describe() => string.Join(" OR ", Matchers.Select(m => m is AnyOfMatcher or AllOfMatcher ? $"({m.Describe()})" : m.Describe()));
}

/// <summary>Absence: the condition does not hold. Only meaningful inside <see cref="AllOfMatcher"/> next to a positive condition.</summary>
public sealed record NotMatcher(BiomarkerMatcher Matcher) : BiomarkerMatcher
{
    public override IReadOnlyList<string> TriggerKeys => [];

    public override string Describe() => $"NOT {Matcher.Describe()}";
}
