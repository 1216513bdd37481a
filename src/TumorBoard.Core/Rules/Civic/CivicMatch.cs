using TumorBoard.Core.Alterations;
using TumorBoard.Core.Rules.Engine;

namespace TumorBoard.Core.Rules.Civic;

/// <summary>
/// What the layering reads of one fired CIViC rule: its evidence item and the parts of a therapy match a finding is
/// built from. A value, so the CIViC engine can make one per rule without building a traced <see cref="TherapyMatch"/>.
/// </summary>
internal readonly record struct CivicMatch(
    string RuleId,
    CivicEvidence Evidence,
    IReadOnlyList<string> Drugs,
    TherapyEffect Effect,
    EvidenceLevel Level,
    string Gene,
    string Alteration,
    string AlterationKey,
    IReadOnlyList<Alteration> MatchedAlterations,
    TumorTypeMatch TumorTypeMatch,
    IReadOnlyList<string> Caveats,
    IReadOnlyList<string> Flags,
    IReadOnlyList<Citation> Citations)
{
    public static CivicMatch Of(TherapyMatch match, CivicEvidence evidence) => new(
        match.RuleId, evidence, match.Drugs, match.Effect, match.Level, match.Gene, match.Alteration, match.AlterationKey,
        match.MatchedAlterations, match.TumorTypeMatch, match.Caveats, match.Flags, match.Citations);
}
