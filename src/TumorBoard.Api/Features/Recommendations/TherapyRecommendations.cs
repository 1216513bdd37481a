using TumorBoard.Core.Pairs;
using TumorBoard.Core.Patients;
using TumorBoard.Core.Rules;
using TumorBoard.Core.Rules.Engine;

namespace TumorBoard.Api.Features.Recommendations;

/// <summary>Turns the engine's fired rules into the contract's therapy recommendations, with sample, emergent and contraindication.</summary>
internal static class TherapyRecommendations
{
    public static List<TherapyRecommendationDto> Build(RuleEvaluation result, PatientSamples samples, IReadOnlyList<PriorTherapy> priorTherapies)
    {
        var findings = result.Therapies.Select(t => new TherapyFinding(
                t.Drugs,
                t.Effect == TherapyEffect.Resistant ? FindingEffect.Resistant : FindingEffect.Sensitive,
                t.AlterationKey,
                t.RuleId,
                t.Citations.Select(c => new FindingCitation(Lower(c.Type), c.Id)).ToList()))
            .ToList();
        var adjusted = DiscordanceAdjuster.Adjust(findings, samples, priorTherapies);
        return result.Therapies.Select((match, i) => ToDto(match, adjusted[i])).ToList();
    }

    private static TherapyRecommendationDto ToDto(TherapyMatch match, AdjustedTherapyFinding adjusted)
    {
        var caveats = match.Caveats.ToList();
        caveats.AddRange(adjusted.Notes.Select(n => n.Rationale));
        if (adjusted.TherapiesBetweenSamples.Count > 0)
        {
            caveats.Add("Acquired after: " + string.Join("; ", adjusted.TherapiesBetweenSamples.Select(t => string.Join(" + ", t.Drugs))));
        }

        return new TherapyRecommendationDto
        {
            RecommendationId = Guid.CreateVersion7(),
            Drugs = match.Drugs,
            Effect = Lower(match.Effect),
            Level = match.Level.ToCode(),
            Escat = match.Escat,
            Gene = match.Gene,
            Alteration = match.Alteration,
            AlterationKey = match.AlterationKey,
            Sample = adjusted.Attribution is { } a ? Lower(a.Sample) : "unknown",
            Emergent = adjusted.Attribution?.Emergent ?? false,
            Contraindicated = adjusted.Verdict == DiscordanceVerdict.Contraindicated,
            TumorTypeMatch = Lower(match.TumorTypeMatch),
            RuleId = match.RuleId,
            Citations = adjusted.Citations.Select(c => new CitationDto(c.Type, c.Id, match.Citations.FirstOrDefault(m => m.Id == c.Id)?.Note)).ToList(),
            Rationale = match.Rationale,
            Caveats = caveats,
            InConflict = match.InConflict,
            Trace = match.Trace.Select(s => s.Text).ToList(),
            With = match.With,
            Preconditions = match.Preconditions.Select(p => new PreconditionDto(p.Requirement, p.StatusCode)).ToList(),
            Flags = match.Flags,
        };
    }

    private static string Lower<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();
}
