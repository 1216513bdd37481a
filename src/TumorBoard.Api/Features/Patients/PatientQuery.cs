using Microsoft.EntityFrameworkCore;
using TumorBoard.Api.Features.Audit;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.ReadModels;
using TumorBoard.Persistence;

namespace TumorBoard.Api.Features.Patients;

/// <summary>One patient as the API and the board page show it: identifiers, tumour, reports with specimens, prior therapies, markers, the latest evaluation id.</summary>
public sealed class PatientQuery(TumorBoardDbContext db, AuditLog audit)
{
    /// <summary>The patient with reports (in collection order), prior therapies and clinical markers; the read is audited.</summary>
    public async Task<Outcome<PatientDto>> GetAsync(Guid patientId, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking()
            .Include(p => p.Identifiers)
            .Include(p => p.PriorTherapies)
            .Include(p => p.ClinicalMarkers)
            .Include(p => p.Reports).ThenInclude(r => r.Specimen)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == patientId, ct);
        if (patient is null)
        {
            return new(Failure.NotFound("patient", patientId));
        }

        var counts = await db.Alterations.Where(a => a.PatientId == patientId)
            .GroupBy(a => a.ReportId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var reports = patient.Reports.OrderBy(r => r.Specimen?.CollectedAt ?? r.IssuedAt).ThenBy(r => r.StoredAt)
            .Select(r => new ReportSummaryDto(
                r.Id,
                new IdentifierDto(r.IdentifierSystem, r.IdentifierValue),
                r.Status,
                r.Specimen is { } s ? new SpecimenDto(s.Role, s.Site, s.CollectedAt, s.Type, s.RoleReason) : null,
                r.IssuedAt,
                counts.GetValueOrDefault(r.Id),
                r.Version,
                r.PanelGenes))
            .ToList();
        var therapies = patient.PriorTherapies.OrderBy(t => t.Start).Select(t => new PriorTherapyDto(t.Drugs, t.Start, t.End)).ToList();
        var warnings = patient.Reports.SelectMany(r => r.Warnings).Distinct(StringComparer.Ordinal).ToList();
        await audit.RecordReadAsync("patient", patientId.ToString(), patientId, ct);
        var markers = patient.ClinicalMarkers.OrderByDescending(m => m.EffectiveAt).ThenByDescending(m => m.RecordedAt)
            .Select(m => new ClinicalMarkerDto(m.Marker, m.Status, m.EffectiveAt, m.Source)).ToList();
        return new(new PatientDto(patient.Id, PatientSummaries.Identifiers(patient), PatientSummaries.TumorType(patient), reports, therapies, patient.LatestEvaluationId, warnings)
        {
            ClinicalMarkers = markers,
        });
    }
}
