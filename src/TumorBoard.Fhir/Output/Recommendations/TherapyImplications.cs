using Hl7.Fhir.Model;
using TumorBoard.Core.Rules;
using TumorBoard.Fhir.Parsing;
using static TumorBoard.Fhir.Output.Recommendations.ObservationParts;

namespace TumorBoard.Fhir.Output.Recommendations;

/// <summary>
/// A therapy finding as a STU3 <c>therapeutic-implication</c> Observation: Responsive/Resistant, one
/// medication-assessed component per drug of the combination, the level of evidence (and ESCAT tier),
/// the tumour type as treatment context, the rationale, and the rule's citations.
/// </summary>
internal static class TherapyImplications
{
    /// <summary>The tag system saying which knowledge layer made a finding.</summary>
    public const string FindingSourceSystem = "http://tumorboard.local/fhir/CodeSystem/finding-source";

    public const string CivicSource = "civic";

    public static Observation Create(TherapyFindingInput finding, VariantIndex variants, OutputContext context)
    {
        var observation = Implication(finding.RecommendationId, context);
        observation.DerivedFrom = variants.DerivedFrom(finding.AlterationKeys, finding.RecommendationId);
        observation.Component.Add(ImplicationComponent(finding.Effect == TherapyEffect.Sensitive
            ? Concept(FhirCodes.Loinc, GenomicsIg.Responsive, "Responsive")
            : Concept(FhirCodes.Loinc, GenomicsIg.Resistant, "Resistant")));
        AddMedications(observation, finding.Drugs);
        if (finding.Source == CivicSource)
        {
            // Labelled apart: CIViC's level is per publication, and the derived level is never 1 or 2.
            observation.Meta ??= new Meta();
            observation.Meta.Tag.Add(new Coding(FindingSourceSystem, CivicSource, "CIViC layer (not curated)"));
            observation.Component.Add(EvidenceLevel($"CIViC level {finding.CivicLevel} ({string.Join(", ", finding.CivicEvidenceIds)}); TumorBoard level {finding.Level.ToCode()} derived from it"));
        }
        else
        {
            observation.Component.Add(EvidenceLevel($"Level {finding.Level.ToCode()} (OncoKB therapeutic levels of evidence)"));
        }
        if (!string.IsNullOrWhiteSpace(finding.Escat))
        {
            observation.Component.Add(EvidenceLevel($"ESCAT tier {finding.Escat}"));
        }

        AddContext(observation, context);
        if (!string.IsNullOrWhiteSpace(finding.Rationale))
        {
            observation.Component.Add(Component(GenomicsIg.TbdCodes, FhirCodes.ConclusionString, null, new FhirString(finding.Rationale)));
        }

        observation.Extension.AddRange(finding.Citations.Select(CitationArtifacts.ToExtension));
        return observation;
    }

    /// <summary>The shape both therapy and trial implications share.</summary>
    public static Observation Implication(string recommendationId, OutputContext context)
    {
        var observation = Genomic(recommendationId, GenomicsIg.TherapeuticImplication,
            Concept(GenomicsIg.TbdCodes, FhirCodes.TherapeuticImplication, "Therapeutic Implication"), context);
        observation.Issued = context.Issued;
        return observation;
    }

    public static Observation.ComponentComponent ImplicationComponent(CodeableConcept value) =>
        Component(GenomicsIg.TbdCodes, FhirCodes.TherapeuticImplication, "Therapeutic Implication", value);

    public static void AddMedications(Observation observation, IReadOnlyList<string> drugs)
    {
        foreach (var drug in drugs)
        {
            observation.Component.Add(Loinc(FhirCodes.MedicationAssessed, TextOnly(drug), "Medication assessed"));
        }
    }

    public static void AddContext(Observation observation, OutputContext context)
    {
        if (context.TumorType is { } tumorType)
        {
            observation.Component.Add(TreatmentContext(tumorType));
        }
    }

    private static Observation.ComponentComponent EvidenceLevel(string text) =>
        Loinc(FhirCodes.EvidenceLevel, TextOnly(text), "Level of evidence");
}
