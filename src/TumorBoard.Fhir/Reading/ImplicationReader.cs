using Hl7.Fhir.Model;
using TumorBoard.Core.Ingestion;
using TumorBoard.Fhir.Parsing;

namespace TumorBoard.Fhir.Reading;

/// <summary>
/// Keeps the lab's therapeutic and diagnostic implications as <see cref="LabAnnotation"/>s, in the
/// lab's words. They are never turned into the service's own recommendations.
/// </summary>
internal static class ImplicationReader
{
    public static bool IsImplication(Observation observation) =>
        FhirValues.HasCode(observation.Code, FhirCodes.TherapeuticImplication)
        || FhirValues.HasCode(observation.Code, FhirCodes.DiagnosticImplication)
        || observation.Meta?.Profile.Any(p => p?.Contains("implication", StringComparison.OrdinalIgnoreCase) == true) == true;

    public static LabAnnotation Read(Located<Observation> located)
    {
        var observation = located.Resource;
        var components = new ObservationComponents(observation, located.Path);
        var therapeutic = FhirValues.HasCode(observation.Code, FhirCodes.TherapeuticImplication)
            || observation.Meta?.Profile.Any(p => p?.Contains("therapeutic", StringComparison.OrdinalIgnoreCase) == true) == true;
        var medication = Text(components.First(FhirCodes.MedicationAssessed)) ?? Text(components.First(FhirCodes.AssociatedTherapy));
        var effect = Text(components.First(FhirCodes.TherapeuticImplication)) ?? Text(components.First("predicted-therapeutic-implication"))
            ?? Text(components.First(FhirCodes.ClinicalSignificance));
        var context = Text(components.First(FhirCodes.PhenotypicContext));
        var conclusion = Text(components.First(FhirCodes.ConclusionString));
        var text = string.Join("; ", new[] { conclusion, context is null ? null : $"context: {context}" }.OfType<string>());
        return new LabAnnotation(
            therapeutic ? "therapeutic" : "diagnostic",
            medication,
            effect,
            Text(components.First(FhirCodes.EvidenceLevel)),
            text.Length == 0 ? null : text);
    }

    private static string? Text(LocatedComponent? component) => component?.Component.Value switch
    {
        FhirString s => s.Value,
        CodeableConcept c => FhirValues.Texts(c).FirstOrDefault() ?? FhirValues.Codings(c).Select(x => x.Code).FirstOrDefault(),
        _ => null,
    };
}
