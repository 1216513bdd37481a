using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.ReadModels;
using TumorBoard.Core.Pairs;
using TumorBoard.Core.Patients;
using TumorBoard.Core.Rules;
using TumorBoard.Core.Rules.Engine;
using TumorBoard.Core.Trials;

namespace TumorBoard.Api.Features.Recommendations;


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
            PlasmaOnlyAlterationKeys = PlasmaOnlyKeys(snapshot.Reports),
        });
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var trialResult = knowledge.TrialEngine.Evaluate(TrialPatientOf(snapshot, result, today), today, trials.Overrides);

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

    // Keys found in a ctDNA sample and in no tissue sample: a clonal-haematopoiesis gene among them gets a caveat.
    private static HashSet<string> PlasmaOnlyKeys(IReadOnlyList<ReportSnapshot> reports)
    {
        var tissue = reports.Where(r => r.IsTumourSample && r.Role != SpecimenRole.Ctdna).SelectMany(r => r.Alterations).Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        return reports.Where(r => r.Role == SpecimenRole.Ctdna).SelectMany(r => r.Alterations).Select(a => a.Key).Where(k => !tissue.Contains(k)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The trial engine's view of the patient: the clinical facts read from FHIR (therapies with their source,
    /// progression from the latest disease status at the evaluation date, birth date) and the rules engine's
    /// findings, so "no targetable alteration" criteria and each arm's biomarker level are decided, not unknown.
    /// </summary>
    private static TrialPatient TrialPatientOf(PatientSnapshot snapshot, RuleEvaluation rules, DateOnly today)
    {
        var progression = DiseaseStatusFacts.Progression(snapshot.DiseaseStatuses, today);
        return new TrialPatient
        {
            OncotreeCode = snapshot.Patient.TumorOncotreeCode,
            Samples = TrialSamples(snapshot.Reports),
            PriorTherapies = snapshot.PriorTherapies,
            Markers = snapshot.Markers,
            BirthDate = snapshot.Patient.BirthDate,
            BirthDateSource = snapshot.Patient.BirthDate is null ? null : "Patient.birthDate",
            Sex = snapshot.Patient.Sex,
            Facts = progression is { } p ? new Dictionary<ClinicalFact, bool> { [ClinicalFact.Progression] = p.Progression } : new Dictionary<ClinicalFact, bool>(),
            FactSources = progression is { } q ? new Dictionary<ClinicalFact, string> { [ClinicalFact.Progression] = q.Source } : new Dictionary<ClinicalFact, string>(),
            KnowledgeBaseMatches = KnowledgeBaseMatch.From(rules),
        };
    }

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
