using TumorBoard.Core.Ingestion;
using TumorBoard.Persistence.Entities;
using TumorBoard.Persistence.Mapping;

namespace TumorBoard.Api.Features.Ingestion;

/// <summary>
/// Merges what a bundle says about the patient into the stored patient: new identifiers are added,
/// the diagnosis is replaced when the bundle states one, prior therapies and marker results are added once each.
/// New child rows leave their key unset so EF generates it and tracks them as added.
/// </summary>
internal static class PatientFacts
{
    public static void Apply(PatientEntity patient, ParsedBundle bundle, DateTimeOffset now)
    {
        var parsed = bundle.Patient!;
        foreach (var identifier in parsed.Identifiers)
        {
            if (!patient.Identifiers.Any(i => i.System == identifier.System && i.Value == identifier.Value))
            {
                patient.Identifiers.Add(new PatientIdentifierEntity { PatientId = patient.Id, System = identifier.System, Value = identifier.Value });
            }
        }

        patient.Sex = parsed.Sex ?? patient.Sex;
        patient.BirthDate = parsed.BirthDate ?? patient.BirthDate;
        patient.UpdatedAt = now;
        ApplyDiagnosis(patient, bundle.Diagnosis);
        foreach (var marker in bundle.Markers)
        {
            var known = patient.ClinicalMarkers.Any(m => m.Marker == EnumText.ToText(marker.Marker) && m.EffectiveAt == marker.EffectiveAt && m.Source == marker.Source);
            if (!known)
            {
                patient.ClinicalMarkers.Add(new ClinicalMarkerEntity
                {
                    PatientId = patient.Id,
                    Marker = EnumText.ToText(marker.Marker),
                    Status = EnumText.ToText(marker.Status),
                    EffectiveAt = marker.EffectiveAt,
                    Source = marker.Source,
                    RecordedAt = now,
                });
            }
        }
        foreach (var therapy in bundle.PriorTherapies)
        {
            var known = patient.PriorTherapies.Any(t => t.Drugs.SequenceEqual(therapy.Drugs) && t.Start == therapy.Start);
            if (!known)
            {
                patient.PriorTherapies.Add(new PriorTherapyEntity
                {
                    PatientId = patient.Id,
                    Drugs = [.. therapy.Drugs],
                    Start = therapy.Start,
                    End = therapy.End,
                    Source = therapy.Source,
                });
            }
        }

        ApplyDiseaseStatuses(patient, bundle, now);
    }

    /// <summary>Disease-status assessments are added once each (same status, date and source).</summary>
    private static void ApplyDiseaseStatuses(PatientEntity patient, ParsedBundle bundle, DateTimeOffset now)
    {
        foreach (var status in bundle.DiseaseStatuses)
        {
            var text = EnumText.ToText(status.Status);
            if (!patient.DiseaseStatuses.Any(s => s.Status == text && s.EffectiveAt == status.EffectiveAt && s.Source == status.Source))
            {
                patient.DiseaseStatuses.Add(new DiseaseStatusEntity
                {
                    PatientId = patient.Id,
                    Status = text,
                    EffectiveAt = status.EffectiveAt,
                    Source = status.Source,
                    RecordedAt = now,
                });
            }
        }
    }

    private static void ApplyDiagnosis(PatientEntity patient, ParsedDiagnosis? diagnosis)
    {
        if (diagnosis is null || (diagnosis.SourceCode is null && diagnosis.TumorType is null))
        {
            return;
        }

        if (diagnosis.TumorType is { } tumor)
        {
            patient.TumorOncotreeCode = tumor.OncotreeCode;
            patient.TumorName = tumor.Name;
        }

        patient.Conditions.Clear();
        patient.Conditions.Add(new ConditionEntity
        {
            PatientId = patient.Id,
            Kind = "primary",
            System = diagnosis.SourceSystem,
            Code = diagnosis.SourceCode,
            Display = diagnosis.SourceDisplay,
            BodySite = diagnosis.PrimarySite,
            OncotreeCode = diagnosis.TumorType?.OncotreeCode,
        });
        foreach (var site in diagnosis.MetastaticSites)
        {
            patient.Conditions.Add(new ConditionEntity { PatientId = patient.Id, Kind = "secondary", BodySite = site });
        }
    }
}
