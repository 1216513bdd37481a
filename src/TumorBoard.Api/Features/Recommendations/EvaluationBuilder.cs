using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.Features.Patients;
using TumorBoard.Core.Pairs;
using TumorBoard.Core.Rules;
using TumorBoard.Core.Trials;
using TumorBoard.Core.Trials.Evaluation;

namespace TumorBoard.Api.Features.Recommendations;

/// <summary>The arm-status overrides in force and the stamp (catalog hash + overrides) that evaluations record.</summary>
public sealed record TrialContext(IReadOnlyDictionary<ArmKey, ArmStatus> Overrides, KnowledgeBaseStamp Stamp);

/// <summary>
/// Builds one evaluation document from a patient snapshot: rules engine, discordance-aware attribution
/// and trial eligibility. No I/O: the single-patient evaluator and the batched re-match share it.
/// </summary>
public static class EvaluationBuilder
{
    public static EvaluationDocument Build(Knowledge knowledge, PatientSnapshot snapshot, TrialContext trials, DateTimeOffset now, string trigger)
    {
        var patient = snapshot.Patient;
        var samples = PatientSamples.From(snapshot.Reports);
        var alterations = PatientSnapshotLoader.EvaluationAlterations(snapshot.Reports, samples);
        var result = knowledge.Engine.Evaluate(new PatientProfile
        {
            OncotreeCode = patient.TumorOncotreeCode,
            Alterations = alterations,
            PriorTherapies = snapshot.PriorTherapies,
            ClinicalMarkers = snapshot.Markers,
        });
        var trialResult = knowledge.TrialEngine.Evaluate(TrialPatientOf(snapshot), DateOnly.FromDateTime(now.UtcDateTime), trials.Overrides);

        var warnings = EvaluationWarnings.For(result, alterations, knowledge.Rules.Version);
        var (therapies, conflicts) = TherapyRecommendations.Build(knowledge.Rules, result, samples, snapshot.PriorTherapies);
        warnings.AddRange(trialResult.Warnings);
        return new EvaluationDocument
        {
            EvaluationId = Guid.CreateVersion7(),
            PatientId = patient.Id,
            EvaluatedAt = now,
            KnowledgeBase = new KnowledgeBaseStamp(knowledge.Rules.Version, knowledge.Rules.ContentHash),
            TrialCatalog = trials.Stamp,
            TumorType = patient.TumorOncotreeCode is null ? null : new TumorTypeDto(patient.TumorOncotreeCode, patient.TumorName ?? patient.TumorOncotreeCode),
            Therapies = therapies,
            Trials = TrialRecommendations.Build(trialResult),
            Conflicts = conflicts,
            ReportIds = snapshot.Reports.Select(r => Guid.Parse(r.ReportId)).ToList(),
            PreviousEvaluationId = patient.LatestEvaluationId,
            Trigger = trigger,
            Warnings = warnings,
        };
    }

    private static TrialPatient TrialPatientOf(PatientSnapshot snapshot) => new()
    {
        OncotreeCode = snapshot.Patient.TumorOncotreeCode,
        Samples = TrialSamples(snapshot.Reports),
        PriorTherapies = snapshot.PriorTherapies,
        Markers = snapshot.Markers,
        BirthDate = snapshot.Patient.BirthDate,
        Sex = snapshot.Patient.Sex,
    };

    /// <summary>Each tumour sample with the keys it acquired relative to the previous tumour sample (null for the first).</summary>
    private static List<TrialSample> TrialSamples(IReadOnlyList<ReportSnapshot> reports)
    {
        var ordered = ReportChronology.Order(reports);
        var samples = new List<TrialSample>(ordered.Count);
        ReportSnapshot? previous = null;
        foreach (var report in ordered)
        {
            IReadOnlySet<string>? acquired = null;
            if (report.IsTumourSample && previous is not null)
            {
                acquired = PairComparer.Compare(previous, report).Alterations
                    .Where(a => a.Status == PairStatus.Acquired)
                    .Select(a => a.Key)
                    .ToHashSet(StringComparer.OrdinalIgnoreCase);
            }

            samples.Add(new TrialSample(report.ReportId, report.Role, report.SampleTime, report.Alterations, acquired));
            if (report.IsTumourSample)
            {
                previous = report;
            }
        }

        return samples;
    }
}
