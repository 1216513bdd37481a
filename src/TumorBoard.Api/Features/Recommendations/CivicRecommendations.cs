using TumorBoard.Api.ReadModels;
using TumorBoard.Core.Pairs;
using TumorBoard.Core.Rules;
using TumorBoard.Core.Rules.Civic;

namespace TumorBoard.Api.Features.Recommendations;

/// <summary>
/// The CIViC layer in an evaluation document: its findings (apart from the curated therapies), the CIViC items that
/// corroborate or contradict curated findings (attached to them, changing nothing else), and a warning per conflict.
/// </summary>
internal static class CivicRecommendations
{
    public static List<CivicFindingDto> Findings(CivicEvaluation civic, PatientSamples samples) =>
        civic.Findings.Select(f => new CivicFindingDto
        {
            Drugs = f.Drugs,
            Effect = f.Effect.ToString().ToLowerInvariant(),
            Level = f.Level.ToCode(),
            CivicLevel = f.CivicLevel,
            Gene = f.Gene,
            Alteration = f.Alteration,
            AlterationKey = f.AlterationKey,
            Sample = samples.Attribute(f.AlterationKey) is { } a ? a.Sample.ToString().ToLowerInvariant() : "unknown",
            TumorTypeMatch = f.TumorTypeMatch.ToString().ToLowerInvariant(),
            Evidence = f.Evidence.Select(Dto).ToList(),
            ConflictsWith = f.ConflictsWith,
            RuleIds = f.RuleIds,
            Citations = f.Citations.Select(c => new CitationDto(c.Type.ToString().ToLowerInvariant(), c.Id, c.Note)).ToList(),
            Caveats = f.Caveats,
            Flags = f.Flags,
        }).ToList();

    /// <summary>Curated recommendations with the CIViC items that corroborate or contradict them (additive fields).</summary>
    public static List<TherapyRecommendationDto> Annotate(List<TherapyRecommendationDto> therapies, CivicEvaluation civic)
    {
        if (civic.Corroborations.Count == 0 && civic.Conflicts.Count == 0)
        {
            return therapies;
        }

        return therapies.ConvertAll(t => t with
        {
            CivicCorroboration = civic.Corroborations.Where(c => c.RuleId == t.RuleId && c.AlterationKey == t.AlterationKey)
                .SelectMany(c => c.Evidence).Select(Dto).ToList(),
            CivicConflicts = civic.Conflicts.Where(c => c.CuratedRuleId == t.RuleId && c.AlterationKey == t.AlterationKey)
                .SelectMany(c => c.Evidence).Select(Dto).ToList(),
        });
    }

    public static IEnumerable<string> Warnings(CivicEvaluation civic) =>
        civic.Conflicts.Select(c =>
            $"CIViC {string.Join(", ", c.Evidence.Select(e => $"{e.Eid} (level {e.Level}, {e.Significance})"))} contradicts curated rule {c.CuratedRuleId} "
            + $"({c.CuratedEffect.ToString().ToLowerInvariant()}) for {string.Join(" + ", c.Drugs)} and {c.AlterationKey}; the curated finding stands, review the CIViC evidence.");

    private static CivicEvidenceDto Dto(CivicEvidence e) => new(e.Eid, e.Level, e.Significance, e.Disease, e.Url);
}
