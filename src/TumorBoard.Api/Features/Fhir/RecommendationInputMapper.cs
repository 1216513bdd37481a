using TumorBoard.Api.ReadModels;
using TumorBoard.Core.Alterations;
using TumorBoard.Core.Patients;
using TumorBoard.Core.Rules;
using TumorBoard.Fhir.Output;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Api.Features.Fhir;

/// <summary>
/// Maps a stored evaluation (with its reviews and sign-off joined in) and the variants of the reports it
/// rested on onto the FHIR output's input. Findings whose alteration is not among the variants (none
/// today, but a report amended later could cause it) are left out rather than emitted without derivedFrom.
/// </summary>
internal static class RecommendationInputMapper
{
    public static RecommendationReportInput Map(
        EvaluationDocument evaluation,
        PatientEntity patient,
        IReadOnlyList<ReportedVariant> variants,
        GeneSymbolsLookup genes)
    {
        var keys = variants.Select(v => AlterationIdentity.Of(v.Alteration)).ToHashSet(StringComparer.Ordinal);
        bool Known(string key) => keys.Contains(AlterationIdentity.OfKey(key));
        return new RecommendationReportInput
        {
            PatientId = patient.Id.ToString(),
            PatientIdentifiers = patient.Identifiers.Select(i => new BusinessIdentifier(i.System, i.Value)).ToList(),
            EvaluationId = evaluation.EvaluationId.ToString(),
            EvaluatedAt = evaluation.EvaluatedAt,
            SignedOffAt = evaluation.SignOff?.At,
            KnowledgeBaseVersion = evaluation.KnowledgeBase.Version,
            KnowledgeBaseHash = evaluation.KnowledgeBase.Hash,
            TumorType = evaluation.TumorType is { } t ? new TumorType(t.OncotreeCode, t.Name) : null,
            Variants = variants,
            HgncIds = genes(variants),
            Therapies = evaluation.Therapies.Where(t => Known(t.AlterationKey)).Select(Therapy)
                .Concat(evaluation.CivicFindings.Where(c => Known(c.AlterationKey)).Select(c => Civic(evaluation.EvaluationId, c)))
                .ToList(),
            Trials = evaluation.Trials
                .Select(t => (Trial: t, Keys: t.MatchedAlterations.Select(m => m.Key).Where(Known).Distinct(StringComparer.Ordinal).ToList()))
                .Where(x => x.Keys.Count > 0)
                .Select(x => new TrialFindingInput(x.Trial.RecommendationId.ToString(), x.Trial.TrialId, x.Trial.NctId, x.Trial.ArmId, x.Trial.ArmTitle,
                    x.Trial.Drugs, Enum.Parse<TrialEligibility>(x.Trial.Status, ignoreCase: true), x.Keys))
                .ToList(),
        };
    }

    // CIViC findings have no recommendation id (they are not reviewed); their Observation id is derived from the
    // evaluation and the rules behind them, so the same evaluation always gives the same Bundle.
    private static TherapyFindingInput Civic(Guid evaluationId, CivicFindingDto c) => new(
        CivicId(evaluationId, c),
        c.Drugs,
        c.Effect == "resistant" ? TherapyEffect.Resistant : TherapyEffect.Sensitive,
        EvidenceLevels.TryParse(c.Level, out var level) ? level : throw new InvalidOperationException($"Stored level '{c.Level}' is not a level."),
        null,
        [c.AlterationKey],
        c.Citations.Select(x => new Citation(Enum.Parse<CitationType>(x.Type, ignoreCase: true), x.Id, x.Note)).ToList(),
        $"CIViC layer (not curated): {string.Join("; ", c.Evidence.Select(e => $"{e.EvidenceId} level {e.Level}, {e.Significance}, {e.Disease}"))}"
            + (c.ConflictsWith.Count > 0 ? $". Contradicts curated {string.Join(", ", c.ConflictsWith)}, which stands." : "."),
        null)
    {
        Source = "civic",
        CivicLevel = c.CivicLevel,
        CivicEvidenceIds = c.Evidence.Select(e => e.EvidenceId).ToList(),
    };

    private static string CivicId(Guid evaluationId, CivicFindingDto c)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"civic/{evaluationId:D}/{c.AlterationKey}/{string.Join(",", c.RuleIds)}"));
        return new Guid(hash.AsSpan(0, 16)).ToString("D");
    }

    public delegate IReadOnlyDictionary<string, string> GeneSymbolsLookup(IEnumerable<ReportedVariant> variants);

    private static TherapyFindingInput Therapy(TherapyRecommendationDto t) => new(
        t.RecommendationId.ToString(),
        t.Drugs,
        t.Effect == "resistant" ? TherapyEffect.Resistant : TherapyEffect.Sensitive,
        EvidenceLevels.TryParse(t.Level, out var level) ? level : throw new InvalidOperationException($"Stored level '{t.Level}' is not a level."),
        t.Escat,
        [t.AlterationKey],
        t.Citations.Select(c => new Citation(Enum.Parse<CitationType>(c.Type, ignoreCase: true), c.Id, c.Note)).ToList(),
        t.Rationale,
        t.Review.Status == "pending" ? null : Enum.Parse<ReviewDecision>(t.Review.Status, ignoreCase: true));
}
