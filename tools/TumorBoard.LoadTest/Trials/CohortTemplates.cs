using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Core.Ingestion;
using TumorBoard.Core.Patients;
using TumorBoard.Fhir;
using TumorBoard.LoadTest.Scenarios;

namespace TumorBoard.LoadTest.Trials;

/// <summary>A patient case, its bundle and what the service's own reader made of it.</summary>
public sealed record CohortTemplate(PatientCase Case, string Json, ParsedBundle Parsed, IReadOnlyList<string> Warnings);

/// <summary>
/// Several cases per clinical profile, each posted-bundle JSON read by the service's GenomicBundleReader, so
/// the stored cohort carries exactly the normalised alterations, specimen roles and tumour types ingestion
/// would store. Reading 100,000 bundles would take minutes; the cohort individualises these instead.
/// </summary>
public static class CohortTemplates
{
    public static IReadOnlyDictionary<ClinicalProfile, IReadOnlyList<CohortTemplate>> Build(Knowledge knowledge, PatientCaseFactory factory, int perProfile)
    {
        var templates = new Dictionary<ClinicalProfile, IReadOnlyList<CohortTemplate>>();
        for (var p = 0; p < ClinicalProfiles.All.Count; p++)
        {
            var profile = ClinicalProfiles.All[p];
            templates[profile] = Enumerable.Range(0, perProfile).Select(k => Read(knowledge, factory.For(profile, $"TPL{p:D2}X{k}", $"TPL{p:D2}X{k}"))).ToList();
        }

        return templates;
    }

    private static CohortTemplate Read(Knowledge knowledge, PatientCase patient)
    {
        var json = CaseBundles.ToJson(patient);
        var read = knowledge.BundleReader.Read(json, FhirFormat.Json);
        var parsed = read.Bundle;
        var problem = read.IsMalformed ? "malformed"
            : parsed!.HasErrors ? string.Join("; ", parsed.Issues.Where(i => i.Severity is IssueSeverity.Error or IssueSeverity.Fatal).Select(i => i.Diagnostics))
            : parsed.Diagnosis?.TumorType is null ? "tumour type not mapped"
            : parsed.Reports.Count != 2 ? $"{parsed.Reports.Count} reports"
            : parsed.Reports.Any(r => r.Specimen is null || r.Specimen.Role is SpecimenRole.Unknown or SpecimenRole.Normal) ? "a specimen role is not primary, metastasis or ctDNA"
            : patient.Profile.Markers is { Count: > 0 } && parsed.Markers.Count == 0 ? "its pathology markers were not read"
            : !patient.Profile.Therapies.All(t => parsed.PriorTherapies.Any(p => p.Drugs.Contains(t.Drug))) ? "a therapy was not recognised"
            : null;
        if (problem is not null)
        {
            throw new InvalidOperationException($"Profile '{patient.Profile.Name}' does not read cleanly: {problem}.");
        }

        var warnings = parsed!.Issues.Where(i => i.Severity is IssueSeverity.Warning)
            .Select(i => i.Expression is null ? i.Diagnostics : $"{i.Diagnostics} ({i.Expression})")
            .ToList();
        return new CohortTemplate(patient, json, parsed, warnings);
    }
}
