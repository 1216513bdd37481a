using TumorBoard.Core.Patients;

namespace TumorBoard.Core.Pairs;

/// <summary>
/// Makes therapy findings discordance-aware: attributes each to the sample(s) its alteration was seen in,
/// and marks a sensitive finding that rests only on the primary as contraindicated when the governing sample
/// acquired an alteration with a resistance finding to the same drug(s), citing both findings.
/// </summary>
public static class DiscordanceAdjuster
{
    public static IReadOnlyList<AdjustedTherapyFinding> Adjust(
        IReadOnlyList<TherapyFinding> findings,
        PatientSamples samples,
        IReadOnlyList<PriorTherapy> priorTherapies)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var attributions = findings
            .Select(f => f.AlterationKey)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToDictionary(k => k, samples.Attribute, StringComparer.OrdinalIgnoreCase);
        var emergentResistance = findings
            .Where(f => f.Effect == FindingEffect.Resistant && attributions[f.AlterationKey] is { Emergent: true })
            .ToList();

        return findings.Select(f => AdjustOne(f, attributions[f.AlterationKey], emergentResistance, attributions, samples, priorTherapies)).ToList();
    }

    private static AdjustedTherapyFinding AdjustOne(
        TherapyFinding finding,
        SampleAttribution? attribution,
        IReadOnlyList<TherapyFinding> emergentResistance,
        Dictionary<string, SampleAttribution?> attributions,
        PatientSamples samples,
        IReadOnlyList<PriorTherapy> priorTherapies)
    {
        var notes = new List<DiscordanceNote>();
        if (finding.Effect == FindingEffect.Sensitive && attribution is not null)
        {
            foreach (var resistance in emergentResistance)
            {
                var drugs = SharedDrugs(finding.Drugs, resistance.Drugs);
                if (drugs.Count == 0 || string.Equals(resistance.AlterationKey, finding.AlterationKey, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var resistanceAttribution = attributions[resistance.AlterationKey]!;
                var exposures = TherapyTimeline.ExposedBefore(priorTherapies, drugs, samples.Governing!);
                notes.Add(new DiscordanceNote(
                    resistance,
                    resistanceAttribution,
                    drugs,
                    exposures,
                    DiscordanceRationale.Explain(finding, attribution, resistance, drugs, exposures, samples)));
            }
        }

        var verdict = notes.Count == 0 ? DiscordanceVerdict.None
            : attribution!.Sample == RecommendationSample.Primary ? DiscordanceVerdict.Contraindicated
            : DiscordanceVerdict.ResistanceAcquired;
        var citations = finding.Citations
            .Concat(notes.SelectMany(n => n.ResistanceFinding.Citations))
            .Distinct()
            .ToList();
        var between = attribution is { Emergent: true }
            ? TherapyTimeline.Between(priorTherapies, samples.Primary!, samples.Governing!)
            : [];

        return new AdjustedTherapyFinding(finding, attribution, verdict, notes, citations, between);
    }

    private static List<string> SharedDrugs(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Where(drug => b.Contains(drug, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
