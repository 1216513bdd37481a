using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.ReadModels;
using TumorBoard.Core.Rules;
using TumorBoard.Core.Trials;

namespace TumorBoard.Api.Features.Recommendations;

/// <summary>
/// A new evaluation that redoes only the trial part of the patient's latest one: what an arm status change needs.
/// Therapy findings never take arm status as input (the rules engine does not see trials, ADR 0003), so they,
/// the conflicts, the CIViC findings, the molecular progression and the warnings are carried over unchanged and the
/// rules engine is not run; the trial engine runs on the stored patient with the carried findings as its knowledge-base
/// input. The new document names the evaluation whose rules-engine run it carries
/// (<see cref="EvaluationDocument.TherapiesFromEvaluationId"/>). No I/O.
/// </summary>
public static class TrialReevaluation
{
    /// <summary>
    /// The re-evaluation, or null when the previous evaluation cannot be carried over (another knowledge base or CIViC
    /// layer, other reports): the caller then evaluates in full.
    /// </summary>
    public static EvaluationDocument? Rebuild(Knowledge knowledge, PatientSnapshot snapshot, EvaluationDocument previous, TrialContext trials, DateTimeOffset now, string trigger)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(trials);
        if (!CanCarry(knowledge, snapshot, previous) || KnowledgeBaseMatches(previous) is not { } matches)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var rising = previous.MolecularProgression.ToLookup(p => p.ToReportId, p => p.AlterationKey);
        var trialResult = knowledge.TrialEngine.Evaluate(EvaluationBuilder.TrialPatientOf(snapshot, matches, rising, today), today, trials.Overrides);
        return previous with
        {
            EvaluationId = Guid.CreateVersion7(),
            EvaluatedAt = now,
            TrialCatalog = trials.Stamp,
            // New rows (a recommendation is reviewed per evaluation); the findings themselves are the previous ones.
            Therapies = previous.Therapies.Select(t => t with { RecommendationId = Guid.CreateVersion7(), Review = new ReviewStateDto("pending") }).ToList(),
            TherapiesFromEvaluationId = previous.TherapiesFromEvaluationId ?? previous.EvaluationId,
            Trials = TrialRecommendations.Build(trialResult),
            PreviousEvaluationId = previous.EvaluationId,
            Trigger = trigger,
            SignOff = null,
            Changes = null,
            SignedOffEvaluationId = null,
            PendingEvaluationId = null,
            SignedOffRecord = null,
            PendingReview = null,
            ChangesSinceSignOff = null,
        };
    }

    /// <summary>
    /// A document that names every matched alteration, made with the same knowledge base and CIViC layer as now, on the same
    /// reports: its findings are what the rules engine would find.
    /// </summary>
    private static bool CanCarry(Knowledge knowledge, PatientSnapshot snapshot, EvaluationDocument previous) =>
        previous.Format >= EvaluationDocument.CurrentFormat
        && previous.EvaluationId == snapshot.Patient.LatestEvaluationId
        && string.Equals(previous.KnowledgeBase.Hash, knowledge.Rules.ContentHash, StringComparison.Ordinal)
        && string.Equals(previous.CivicLayer?.Hash, knowledge.Civic?.ContentHash, StringComparison.Ordinal)
        && previous.ReportIds.Order().SequenceEqual(snapshot.Reports.Select(r => Guid.Parse(r.ReportId)).Order());

    /// <summary>The trial engine's knowledge-base input read back from the stored sensitivity findings; null if one cannot be read.</summary>
    private static IReadOnlyList<KnowledgeBaseMatch>? KnowledgeBaseMatches(EvaluationDocument previous)
    {
        var matches = new List<KnowledgeBaseMatch>();
        foreach (var therapy in previous.Therapies.Where(t => string.Equals(t.Effect, "sensitive", StringComparison.Ordinal)))
        {
            if (!EvidenceLevels.TryParse(therapy.Level, out var level))
            {
                return null;
            }

            matches.Add(new KnowledgeBaseMatch(therapy.RuleId, therapy.Gene, therapy.MatchedAlterationKeys ?? [therapy.AlterationKey], therapy.Drugs, level));
        }

        return KnowledgeBaseMatch.Canonical(matches);
    }
}
