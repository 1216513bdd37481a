namespace TumorBoard.Core.Pairs;

/// <summary>Whether an alteration predicts benefit from or resistance to the drugs; serialised camelCase.</summary>
public enum FindingEffect
{
    Sensitive,
    Resistant,
}

/// <summary>A source behind a finding: <paramref name="Type"/> is <c>pmid</c>, <c>fda</c>, <c>nct</c> or <c>url</c>.</summary>
public sealed record FindingCitation(string Type, string Id);

/// <summary>
/// A therapy finding as the discordance adjuster needs it: the rules engine's match, reduced to what the
/// adjustment reads. Drugs are lower-case INN names; a combination is one finding with several drugs.
/// </summary>
public sealed record TherapyFinding(
    IReadOnlyList<string> Drugs,
    FindingEffect Effect,
    string AlterationKey,
    string RuleId,
    IReadOnlyList<FindingCitation> Citations);
