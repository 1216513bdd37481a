using System.Runtime.CompilerServices;
using TumorBoard.Api.ReadModels;
using TumorBoard.Core.Pairs;
using TumorBoard.Core.Patients;
using TumorBoard.Core.Rules;
using TumorBoard.Core.Rules.Engine;

namespace TumorBoard.Api.Features.Recommendations;

/// <summary>
/// Turns the engine's fired rules into the contract's therapy recommendations, with sample, emergent and
/// contraindication, in clinical order (<see cref="TherapyOrder"/>), and the conflicts: the engine's (the same
/// therapy predicted both ways) plus every sensitive finding that carries a caveat naming an acquired resistance
/// alteration (erlotinib + ramucirumab next to T790M), which the engine cannot see because the drug sets differ.
/// </summary>
internal static class TherapyRecommendations
{
    private static readonly ConditionalWeakTable<Core.Rules.KnowledgeBase, Dictionary<string, int>> CuratedOrders = [];

    public static (List<TherapyRecommendationDto> Therapies, List<ConflictDto> Conflicts) Build(
        Core.Rules.KnowledgeBase knowledgeBase, RuleEvaluation result, PatientSamples samples, IReadOnlyList<PriorTherapy> priorTherapies)
    {
        var curated = CuratedOrders.GetValue(knowledgeBase, kb => kb.Rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal));
        var findings = result.Therapies.Select(t => new TherapyFinding(
                t.Drugs,
                t.Effect == TherapyEffect.Resistant ? FindingEffect.Resistant : FindingEffect.Sensitive,
                t.AlterationKey,
                t.RuleId,
                t.Citations.Select(c => new FindingCitation(Lower(c.Type), c.Id)).ToList()))
            .ToList();
        var adjusted = DiscordanceAdjuster.Adjust(findings, samples, priorTherapies);
        var resistedBy = ResistedBy(result, findings, adjusted);
        var inConflict = resistedBy.SelectMany((r, i) => r.Count == 0 ? [] : r.Append(i)).ToHashSet();
        var primaryGoverns = samples.Governing is { Role: SpecimenRole.Primary };
        var items = result.Therapies.Select((match, i) =>
        {
            var dto = ToDto(match, adjusted[i]) with
            {
                InConflict = match.InConflict || inConflict.Contains(i),
                ResistedBy = resistedBy[i].Select(r => $"{result.Therapies[r].RuleId} @ {result.Therapies[r].AlterationKey}").Distinct(StringComparer.Ordinal).ToList(),
            };
            return new TherapyOrder.Item(dto, Group(dto, primaryGoverns), match.Level.Rank(), resistedBy[i], curated.GetValueOrDefault(match.RuleId, int.MaxValue));
        }).ToList();
        return (TherapyOrder.Apply(items), Conflicts(result, resistedBy));
    }

    /// <summary>For each sensitive finding: the resistance findings of this patient against it (acquired-resistance notes and engine conflicts).</summary>
    private static List<List<int>> ResistedBy(RuleEvaluation result, List<TherapyFinding> findings, IReadOnlyList<AdjustedTherapyFinding> adjusted)
    {
        var index = new Dictionary<TherapyFinding, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < findings.Count; i++)
        {
            index[findings[i]] = i;
        }

        var therapies = result.Therapies;
        return therapies.Select((match, i) =>
        {
            if (match.Effect != TherapyEffect.Sensitive)
            {
                return [];
            }

            var against = adjusted[i].Notes.Select(n => index[n.ResistanceFinding]).ToList();
            foreach (var conflict in result.Conflicts.Where(c => c.SensitiveRuleIds.Contains(match.RuleId) && SameDrugs(c.Drugs, match.Drugs)))
            {
                against.AddRange(Enumerable.Range(0, therapies.Count)
                    .Where(r => therapies[r].Effect == TherapyEffect.Resistant && conflict.ResistantRuleIds.Contains(therapies[r].RuleId) && SameDrugs(therapies[r].Drugs, match.Drugs)));
            }

            return against.Distinct().ToList();
        }).ToList();
    }

    /// <summary>The engine's conflicts plus one per resisted drug set it missed, rule ids merged per drug set.</summary>
    private static List<ConflictDto> Conflicts(RuleEvaluation result, List<List<int>> resistedBy)
    {
        var byDrugs = new OrderedDictionary<string, (IReadOnlyList<string> Drugs, SortedSet<string> Sensitive, SortedSet<string> Resistant)>(StringComparer.Ordinal);
        void Add(IReadOnlyList<string> drugs, IEnumerable<string> sensitive, IEnumerable<string> resistant)
        {
            var key = string.Join("+", drugs.Order(StringComparer.Ordinal));
            if (!byDrugs.TryGetValue(key, out var entry))
            {
                entry = (drugs, new SortedSet<string>(StringComparer.Ordinal), new SortedSet<string>(StringComparer.Ordinal));
                byDrugs[key] = entry;
            }

            entry.Sensitive.UnionWith(sensitive);
            entry.Resistant.UnionWith(resistant);
        }

        foreach (var c in result.Conflicts)
        {
            Add(c.Drugs, c.SensitiveRuleIds, c.ResistantRuleIds);
        }

        for (var i = 0; i < resistedBy.Count; i++)
        {
            if (resistedBy[i].Count > 0)
            {
                Add(result.Therapies[i].Drugs, [result.Therapies[i].RuleId], resistedBy[i].Select(r => result.Therapies[r].RuleId));
            }
        }

        return byDrugs.Values.Select(e => new ConflictDto(e.Drugs, [.. e.Sensitive], [.. e.Resistant])).ToList();
    }

    private static int Group(TherapyRecommendationDto t, bool primaryGoverns) =>
        t.Emergent ? 0
        : t.Sample is "metastasis" or "ctdna" or "both" || (primaryGoverns && t.Sample == "primary") ? 1
        : t.Sample == "primary" ? 2
        : 3;

    private static bool SameDrugs(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Count == b.Count && a.All(d => b.Contains(d, StringComparer.OrdinalIgnoreCase));

    private static TherapyRecommendationDto ToDto(TherapyMatch match, AdjustedTherapyFinding adjusted)
    {
        var keys = Core.Trials.KnowledgeBaseMatch.KeysOf(match);
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
            MatchedAlterationKeys = keys.Count == 1 && string.Equals(keys[0], match.AlterationKey, StringComparison.Ordinal) ? null : keys,
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
