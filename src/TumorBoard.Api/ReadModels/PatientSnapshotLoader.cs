using Microsoft.EntityFrameworkCore;
using TumorBoard.Core.Alterations;
using TumorBoard.Core.Pairs;
using TumorBoard.Core.Patients;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Entities;
using TumorBoard.Persistence.Mapping;

namespace TumorBoard.Api.ReadModels;

/// <summary>A stored patient in the pure domain's terms: the input of evaluation and pair comparison.</summary>
public sealed record PatientSnapshot(
    PatientEntity Patient,
    IReadOnlyList<ReportSnapshot> Reports,
    IReadOnlyList<PriorTherapy> PriorTherapies,
    IReadOnlyDictionary<ClinicalMarker, MarkerStatus> Markers)
{
    /// <summary>Disease-status assessments as stored (mCODE CancerDiseaseStatus), for trial progression criteria.</summary>
    public IReadOnlyList<DiseaseStatusRecord> DiseaseStatuses { get; init; } = [];
}

/// <summary>Loads a patient's current reports with their alterations as Core snapshots (one query per table).</summary>
public static class PatientSnapshotLoader
{
    /// <summary>
    /// Everything an evaluation reads about a patient, in one place: ingestion, single loads and the batched
    /// re-match include the same rows, so a new patient fact cannot reach one path and miss another. Ingestion reads them
    /// in its first batch through <c>PatientState.Paths</c>, which a test holds equal to these Includes.
    /// </summary>
    public static IQueryable<PatientEntity> WithEvaluationState(this IQueryable<PatientEntity> patients) => patients
            .Include(p => p.PriorTherapies)
            .Include(p => p.ClinicalMarkers)
            .Include(p => p.DiseaseStatuses)
            .Include(p => p.Reports).ThenInclude(r => r.Specimen)
            .Include(p => p.Reports).ThenInclude(r => r.Alterations)
            .AsSplitQuery();

    public static async Task<PatientSnapshot?> LoadAsync(TumorBoardDbContext db, Guid patientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var patient = await db.Patients.AsNoTracking()
            .WithEvaluationState()
            .SingleOrDefaultAsync(p => p.Id == patientId, cancellationToken);
        if (patient is null)
        {
            return null;
        }

        return FromPatient(patient);
    }

    /// <summary>
    /// The snapshot of a patient's loaded entities: as read from the database, or as ingestion holds them (the stored
    /// state plus the bundle, before saving). Times are taken in UTC, as the database returns them, so both evaluate alike.
    /// </summary>
    public static PatientSnapshot FromPatient(PatientEntity patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        return new(
            patient,
            patient.Reports.Select(ToSnapshot).ToList(),
            patient.PriorTherapies.Select(t => new PriorTherapy(t.Drugs, t.Start?.ToUniversalTime(), t.End?.ToUniversalTime()) { Source = t.Source }).ToList(),
            CurrentMarkers(patient.ClinicalMarkers))
        {
            DiseaseStatuses = patient.DiseaseStatuses
                .Select(s => new DiseaseStatusRecord(EnumText.Parse<DiseaseStatus>(s.Status), s.EffectiveAt?.ToUniversalTime(), s.Source))
                .ToList(),
        };
    }

    /// <summary>The marker results in force: per marker, the latest by effective time (undated counts as oldest), then by arrival.</summary>
    private static Dictionary<ClinicalMarker, MarkerStatus> CurrentMarkers(IEnumerable<ClinicalMarkerEntity> markers) =>
        markers.GroupBy(m => m.Marker)
            .Select(g => g.OrderByDescending(m => m.EffectiveAt ?? DateTimeOffset.MinValue).ThenByDescending(m => m.RecordedAt).First())
            .ToDictionary(m => EnumText.Parse<ClinicalMarker>(m.Marker), m => EnumText.Parse<MarkerStatus>(m.Status));

    private static ReportSnapshot ToSnapshot(ReportEntity report) => new(
        report.Id.ToString(),
        report.Specimen is null ? SpecimenRole.Unknown : EnumText.Parse<SpecimenRole>(report.Specimen.Role),
        (report.Specimen?.CollectedAt ?? report.EffectiveAt)?.ToUniversalTime(),
        report.IssuedAt?.ToUniversalTime(),
        report.Alterations.OrderBy(a => a.Ordinal).Select(AlterationMapper.ToDomain).ToList(),
        report.PanelGenes);

    /// <summary>
    /// The alterations to evaluate: every report's, one per key. The governing (most recent tumour)
    /// sample's instance wins, so its VAF is the one shown.
    /// </summary>
    public static IReadOnlyList<Alteration> EvaluationAlterations(IReadOnlyList<ReportSnapshot> reports, PatientSamples samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var ordered = samples.Governing is { } governing
            ? reports.OrderBy(r => r.ReportId == governing.ReportId ? 0 : 1).ThenByDescending(r => r.SampleTime)
            : reports.OrderByDescending(r => r.SampleTime);
        return ordered.SelectMany(r => r.Alterations)
            .GroupBy(a => a.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First())
            .ToList();
    }
}
