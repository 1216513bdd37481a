using System.Text.Json;
using TumorBoard.Core.Ingestion;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Entities;
using TumorBoard.Persistence.Mapping;

namespace TumorBoard.Api.Features.Ingestion;

/// <summary>Writes the planned report inserts and replacements; a replaced version moves to report_versions.</summary>
internal static class ReportWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <returns>The ids of every report of the bundle, in bundle order of the plan (unchanged ones first).</returns>
    /// <remarks>New reports are added to <paramref name="patient"/>'s tracked collection and replaced ones lose their old
    /// alterations there too, so the patient's entities show its state after this bundle for the evaluation to read.</remarks>
    public static List<Guid> Write(TumorBoardDbContext db, ReportPlan plan, PatientEntity patient, Guid bundleId, IReadOnlyList<string> warnings, DateTimeOffset now)
    {
        var patientId = patient.Id;
        var ids = new List<Guid>(plan.ReportIds);
        foreach (var (report, replaces) in plan.Changes)
        {
            var entity = replaces ?? new ReportEntity
            {
                Id = Guid.CreateVersion7(),
                PatientId = patientId,
                IdentifierSystem = report.Identifier.System,
                IdentifierValue = report.Identifier.Value,
                Status = report.Status,
                ContentHash = report.ContentHash,
                ContentHashVersion = report.ContentHashVersion,
                FhirJson = report.FhirJson,
            };
            if (replaces is not null)
            {
                db.ReportVersions.Add(new ReportVersionEntity
                {
                    Id = Guid.CreateVersion7(),
                    ReportId = replaces.Id,
                    Version = replaces.Version,
                    Status = replaces.Status,
                    ContentHash = replaces.ContentHash,
                    ContentHashVersion = replaces.ContentHashVersion,
                    FhirJson = replaces.FhirJson,
                    BundleId = replaces.BundleId,
                    StoredAt = replaces.StoredAt,
                    SupersededAt = now,
                });
                // Loaded with the patient's state (PatientState): removed in memory, no query.
                db.Alterations.RemoveRange(replaces.Alterations);
                replaces.Alterations.Clear();
                entity.Version = replaces.Version + 1;
            }
            else
            {
                db.Reports.Add(entity);
                AddOnce(patient.Reports, entity);
            }

            Fill(entity, report, bundleId, warnings, now);

            // Added explicitly: EF would take new rows with preset keys, reached through a tracked report, for updates.
            var specimen = report.Specimen is { } parsed ? NewSpecimen(parsed, patientId) : null;
            if (specimen is not null)
            {
                db.Specimens.Add(specimen);
            }

            entity.Specimen = specimen;
            var alterations = report.Alterations.Select((a, i) => AlterationMapper.ToEntity(a, entity.Id, patientId, i)).ToList();
            db.Alterations.AddRange(alterations);
            foreach (var alteration in alterations)
            {
                AddOnce(entity.Alterations, alteration);
            }
            ids.Add(entity.Id);
        }

        return ids;
    }

    /// <summary>EF's fix-up already adds a tracked row to its tracked parent's collection; an untracked parent needs it added.</summary>
    private static void AddOnce<T>(List<T> collection, T item)
        where T : class
    {
        if (!collection.Contains(item))
        {
            collection.Add(item);
        }
    }

    private static void Fill(ReportEntity entity, ParsedReport report, Guid bundleId, IReadOnlyList<string> warnings, DateTimeOffset now)
    {
        entity.BundleId = bundleId;
        entity.Status = report.Status;
        entity.ContentHash = report.ContentHash;
        entity.ContentHashVersion = report.ContentHashVersion;
        entity.FhirJson = report.FhirJson;
        entity.IdentifierIsDerived = report.IdentifierIsDerived;
        entity.IssuedAt = report.IssuedAt;
        entity.EffectiveAt = report.EffectiveAt;
        entity.StoredAt = now;
        entity.PanelGenes = report.PanelGenes?.ToList();
        entity.LabAnnotationsJson = JsonSerializer.Serialize(report.LabAnnotations, Json);
        entity.Warnings = [.. warnings];
    }

    private static SpecimenEntity NewSpecimen(ParsedSpecimen specimen, Guid patientId) => new()
    {
        Id = Guid.CreateVersion7(),
        PatientId = patientId,
        FhirId = specimen.FhirId,
        Role = EnumText.ToText(specimen.Role),
        RoleReason = specimen.RoleReason,
        Type = specimen.Type,
        Site = specimen.Site,
        CollectedAt = specimen.CollectedAt,
        Purity = specimen.Purity,
        PuritySource = specimen.PuritySource,
    };
}
