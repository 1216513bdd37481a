using System.Collections.ObjectModel;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TumorBoard.Core.Ingestion;
using TumorBoard.Persistence.Entities;
using TumorBoard.Persistence.Mapping;

namespace TumorBoard.LoadTest.Trials;

/// <summary>The rows of a chunk of synthetic patients, table by table, in foreign-key order.</summary>
public sealed class CohortRows
{
    public Collection<PatientEntity> Patients { get; } = [];

    public Collection<PatientIdentifierEntity> Identifiers { get; } = [];

    public Collection<IngestedBundleEntity> Bundles { get; } = [];

    public Collection<SpecimenEntity> Specimens { get; } = [];

    public Collection<ReportEntity> Reports { get; } = [];

    public Collection<AlterationEntity> Alterations { get; } = [];

    public Collection<ConditionEntity> Conditions { get; } = [];

    public Collection<PriorTherapyEntity> Therapies { get; } = [];

    public Collection<ClinicalMarkerEntity> Markers { get; } = [];
}

/// <summary>
/// Writes one patient from a template the way ingestion's BundleStore, PatientFacts and ReportWriter do
/// (same entities, AlterationMapper for alterations, PatientFacts' marker rows), with its own identifiers, dates, VAFs and birth date.
/// </summary>
public static class CohortPatient
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Add(CohortRows rows, CohortTemplate template, string mrn, int shiftDays, decimal vafFactor, DateOnly birthDate, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(template);
        var parsed = template.Parsed;
        var shift = TimeSpan.FromDays(-shiftDays);
        var patientId = Guid.CreateVersion7();
        var raw = template.Json.Replace(template.Case.Mrn, mrn, StringComparison.Ordinal);
        var bundleId = Guid.CreateVersion7();
        var diagnosis = parsed.Diagnosis!;
        rows.Patients.Add(new PatientEntity
        {
            Id = patientId,
            CreatedAt = now,
            UpdatedAt = now,
            Sex = parsed.Patient!.Sex,
            BirthDate = birthDate,
            TumorOncotreeCode = diagnosis.TumorType!.OncotreeCode,
            TumorName = diagnosis.TumorType.Name,
        });
        rows.Identifiers.Add(new PatientIdentifierEntity { Id = Guid.CreateVersion7(), PatientId = patientId, System = parsed.Patient.Identifiers[0].System, Value = mrn });
        rows.Bundles.Add(new IngestedBundleEntity
        {
            Id = bundleId,
            PatientId = patientId,
            ReceivedAt = now,
            ContentType = "application/fhir+json",
            Sha256 = Sha256(raw),
            RawBody = raw,
            Actor = "load-test",
            Warnings = [.. template.Warnings],
        });
        AddConditions(rows, patientId, diagnosis);
        foreach (var therapy in parsed.PriorTherapies)
        {
            rows.Therapies.Add(new PriorTherapyEntity { Id = Guid.CreateVersion7(), PatientId = patientId, Drugs = [.. therapy.Drugs], Start = therapy.Start + shift, End = therapy.End + shift });
        }

        foreach (var marker in parsed.Markers)
        {
            rows.Markers.Add(new ClinicalMarkerEntity
            {
                Id = Guid.CreateVersion7(),
                PatientId = patientId,
                Marker = EnumText.ToText(marker.Marker),
                Status = EnumText.ToText(marker.Status),
                EffectiveAt = marker.EffectiveAt + shift,
                Source = marker.Source,
                RecordedAt = now,
            });
        }

        foreach (var report in parsed.Reports)
        {
            AddReport(rows, report, template, mrn, patientId, bundleId, shift, vafFactor, now);
        }
    }

    private static void AddReport(CohortRows rows, ParsedReport report, CohortTemplate template, string mrn, Guid patientId, Guid bundleId, TimeSpan shift, decimal vafFactor, DateTimeOffset now)
    {
        var specimen = report.Specimen!;
        var specimenRow = new SpecimenEntity
        {
            Id = Guid.CreateVersion7(),
            PatientId = patientId,
            FhirId = specimen.FhirId,
            Role = EnumText.ToText(specimen.Role),
            RoleReason = specimen.RoleReason,
            Type = specimen.Type,
            Site = specimen.Site,
            CollectedAt = specimen.CollectedAt + shift,
        };
        var fhirJson = report.FhirJson.Replace(template.Case.Mrn, mrn, StringComparison.Ordinal);
        var reportRow = new ReportEntity
        {
            Id = Guid.CreateVersion7(),
            PatientId = patientId,
            BundleId = bundleId,
            SpecimenId = specimenRow.Id,
            IdentifierSystem = report.Identifier.System,
            IdentifierValue = report.Identifier.Value.Replace(template.Case.Mrn, mrn, StringComparison.Ordinal),
            IdentifierIsDerived = report.IdentifierIsDerived,
            Status = report.Status,
            IssuedAt = report.IssuedAt + shift,
            EffectiveAt = report.EffectiveAt + shift,
            StoredAt = now,
            ContentHash = Sha256(fhirJson),
            FhirJson = fhirJson,
            PanelGenes = report.PanelGenes?.ToList(),
            LabAnnotationsJson = JsonSerializer.Serialize(report.LabAnnotations, Json),
            Warnings = [.. template.Warnings],
        };
        rows.Specimens.Add(specimenRow);
        rows.Reports.Add(reportRow);
        for (var i = 0; i < report.Alterations.Count; i++)
        {
            var a = report.Alterations[i];
            rows.Alterations.Add(AlterationMapper.ToEntity(a.Vaf is { } vaf ? a with { Vaf = Math.Min(0.99m, Math.Round(vaf * vafFactor, 3)) } : a, reportRow.Id, patientId, i));
        }
    }

    private static void AddConditions(CohortRows rows, Guid patientId, ParsedDiagnosis diagnosis)
    {
        rows.Conditions.Add(new ConditionEntity
        {
            Id = Guid.CreateVersion7(),
            PatientId = patientId,
            Kind = "primary",
            System = diagnosis.SourceSystem,
            Code = diagnosis.SourceCode,
            Display = diagnosis.SourceDisplay,
            BodySite = diagnosis.PrimarySite,
            OncotreeCode = diagnosis.TumorType?.OncotreeCode,
        });
        foreach (var site in diagnosis.MetastaticSites)
        {
            rows.Conditions.Add(new ConditionEntity { Id = Guid.CreateVersion7(), PatientId = patientId, Kind = "secondary", BodySite = site });
        }
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
