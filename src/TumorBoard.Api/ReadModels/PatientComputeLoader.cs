using Microsoft.EntityFrameworkCore;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Api.ReadModels;

/// <summary>
/// A stored patient's snapshot for reads that only compute (the evolution view and its pictures): the same rows as
/// <see cref="PatientSnapshotLoader.LoadAsync"/> but without each report's stored FHIR Bundle, which nothing computed
/// reads and which for a 10-sample, 500-alteration patient is megabytes per request (docs/performance.md, issue 17).
/// </summary>
public static class PatientComputeLoader
{
    public static async Task<PatientSnapshot?> LoadAsync(TumorBoardDbContext db, Guid patientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var patient = await db.Patients.AsNoTracking()
            .Include(p => p.PriorTherapies)
            .Include(p => p.ClinicalMarkers)
            .Include(p => p.DiseaseStatuses)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == patientId, cancellationToken);
        if (patient is null)
        {
            return null;
        }

        // Every column the snapshot reads, FhirJson left empty; the specimen comes with its report.
        var reports = await db.Reports.AsNoTracking().Where(r => r.PatientId == patientId)
            .Select(r => new ReportEntity
            {
                Id = r.Id,
                PatientId = r.PatientId,
                BundleId = r.BundleId,
                SpecimenId = r.SpecimenId,
                IdentifierSystem = r.IdentifierSystem,
                IdentifierValue = r.IdentifierValue,
                IdentifierIsDerived = r.IdentifierIsDerived,
                Status = r.Status,
                IssuedAt = r.IssuedAt,
                EffectiveAt = r.EffectiveAt,
                StoredAt = r.StoredAt,
                Version = r.Version,
                ContentHash = r.ContentHash,
                FhirJson = string.Empty,
                PanelGenes = r.PanelGenes,
                LabAnnotationsJson = r.LabAnnotationsJson,
                Warnings = r.Warnings,
                Specimen = r.Specimen,
            })
            .ToListAsync(cancellationToken);
        var alterations = (await db.Alterations.AsNoTracking().Where(a => a.PatientId == patientId).ToListAsync(cancellationToken))
            .ToLookup(a => a.ReportId);
        foreach (var report in reports)
        {
            report.Alterations = [.. alterations[report.Id]];
        }

        patient.Reports = reports;
        return PatientSnapshotLoader.FromPatient(patient);
    }
}
