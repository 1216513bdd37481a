using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.ReadModels;
using TumorBoard.Core.Pairs;
using TumorBoard.Core.Patients;
using TumorBoard.Core.Rules;
using TumorBoard.Core.Rules.Civic;
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
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(trials);
        var patient = snapshot.Patient;
        var samples = PatientSamples.From(snapshot.Reports);
        var profile = ProfileOf(snapshot, samples);
        var alterations = profile.Alterations;
        var result = knowledge.Engine.Evaluate(profile);
        // Of the patient's evolution the evaluation keeps the molecular progression alone.
        var progression = PatientEvolutions.Progression(knowledge, snapshot, result);

        // The CIViC layer is evaluated apart and never feeds the curated therapies, conflicts or trial levels.
        var civic = knowledge.CivicEngine?.Evaluate(profile, result) ?? CivicEvaluation.Empty;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var rising = progression.Events.ToLookup(e => Guid.Parse(e.ToReportId), e => e.AlterationKey);
        var trialResult = knowledge.TrialEngine.Evaluate(TrialPatientOf(snapshot, KnowledgeBaseMatch.From(result), rising, today), today, trials.Overrides);

        var warnings = EvaluationWarnings.For(result, alterations, knowledge.Rules.Version);
        var (therapies, conflicts) = TherapyRecommendations.Build(knowledge.Rules, result, samples, snapshot.PriorTherapies);
        warnings.AddRange(CivicRecommendations.Warnings(civic));
        warnings.AddRange(trialResult.Warnings);
        return new EvaluationDocument
        {
            Format = EvaluationDocument.CurrentFormat,
            EvaluationId = Guid.CreateVersion7(),
            PatientId = patient.Id,
            EvaluatedAt = now,
            KnowledgeBase = new KnowledgeBaseStamp(knowledge.Rules.Version, knowledge.Rules.ContentHash),
            TrialCatalog = trials.Stamp,
            TumorType = patient.TumorOncotreeCode is null ? null : new TumorTypeDto(patient.TumorOncotreeCode, patient.TumorName ?? patient.TumorOncotreeCode),
            Therapies = CivicRecommendations.Annotate(therapies, civic),
            Trials = TrialRecommendations.Build(trialResult),
            Conflicts = conflicts,
            CivicLayer = knowledge.Civic is { } layer ? new KnowledgeBaseStamp(layer.Version, layer.ContentHash) : null,
            CivicFindings = CivicRecommendations.Findings(civic, samples),
            ReportIds = snapshot.Reports.Select(r => Guid.Parse(r.ReportId)).ToList(),
            PreviousEvaluationId = patient.LatestEvaluationId,
            Trigger = trigger,
            Warnings = warnings,
            MolecularProgression = progression.Events.Select(MolecularProgressionDto.From).ToList(),
        };
    }

    /// <summary>What the rules engine is given for a patient: every report's alterations (one per key), therapies, markers, plasma-only keys.</summary>
    public static PatientProfile ProfileOf(PatientSnapshot snapshot, PatientSamples samples)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(samples);
        return new PatientProfile
        {
            OncotreeCode = snapshot.Patient.TumorOncotreeCode,
            Alterations = PatientSnapshotLoader.EvaluationAlterations(snapshot.Reports, samples),
            PriorTherapies = snapshot.PriorTherapies,
            ClinicalMarkers = snapshot.Markers,
            PlasmaOnlyAlterationKeys = PlasmaOnlyKeys(snapshot.Reports),
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
    /// <param name="snapshot">The stored patient.</param>
    /// <param name="matches">The rules engine's sensitivity findings (<see cref="KnowledgeBaseMatch.From"/>), in their canonical order.</param>
    /// <param name="rising">Per report id, the keys flagged as molecular progression at that draw.</param>
    /// <param name="today">The evaluation date.</param>
    internal static TrialPatient TrialPatientOf(PatientSnapshot snapshot, IReadOnlyList<KnowledgeBaseMatch> matches, ILookup<Guid, string> rising, DateOnly today)
    {
        var progression = DiseaseStatusFacts.Progression(snapshot.DiseaseStatuses, today);
        return new TrialPatient
        {
            OncotreeCode = snapshot.Patient.TumorOncotreeCode,
            Samples = TrialSamples(snapshot.Reports, rising),
            PriorTherapies = snapshot.PriorTherapies,
            Markers = snapshot.Markers,
            BirthDate = snapshot.Patient.BirthDate,
            BirthDateSource = snapshot.Patient.BirthDate is null ? null : "Patient.birthDate",
            Sex = snapshot.Patient.Sex,
            Facts = progression is { } p ? new Dictionary<ClinicalFact, bool> { [ClinicalFact.Progression] = p.Progression } : new Dictionary<ClinicalFact, bool>(),
            FactSources = progression is { } q ? new Dictionary<ClinicalFact, string> { [ClinicalFact.Progression] = q.Source } : new Dictionary<ClinicalFact, string>(),
            KnowledgeBaseMatches = matches,
        };
    }

    /// <summary>
    /// Each tumour sample with the keys it acquired relative to the previous tumour sample (null for the first) and, for a
    /// plasma draw after an earlier sample, the keys flagged as molecular progression at it (PADA-1's rising ESR1).
    /// </summary>
    private static List<TrialSample> TrialSamples(IReadOnlyList<ReportSnapshot> reports, ILookup<Guid, string> risingKeys)
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

            var rising = report.Role == SpecimenRole.Ctdna && previous is not null
                ? risingKeys[Guid.Parse(report.ReportId)].ToHashSet(StringComparer.OrdinalIgnoreCase)
                : null;
            samples.Add(new TrialSample(report.ReportId, report.Role, report.SampleTime, report.Alterations, acquired) { RisingKeys = rising });
            if (report.IsTumourSample)
            {
                previous = report;
            }
        }

        return samples;
    }
}
