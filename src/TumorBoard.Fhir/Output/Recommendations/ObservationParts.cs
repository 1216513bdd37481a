using Hl7.Fhir.Model;
using TumorBoard.Core.Patients;
using TumorBoard.Core.Vocabularies;
using TumorBoard.Fhir.Parsing;

namespace TumorBoard.Fhir.Output.Recommendations;

/// <summary>Building blocks shared by the genomic Observations: profile, categories, subject, components.</summary>
internal static class ObservationParts
{
    /// <summary>An Observation with the profile, the laboratory + GE categories genomic-base requires, status and subject.</summary>
    public static Observation Genomic(string id, string profile, CodeableConcept code, OutputContext context, bool biomarker = false)
    {
        var observation = new Observation
        {
            Id = id,
            Meta = new Meta { Profile = [profile] },
            Status = context.ObservationStatus,
            Category = [Concept(GenomicsIg.ObservationCategory, "laboratory", "Laboratory")],
            Code = code,
            Subject = context.Patient,
        };
        if (biomarker)
        {
            observation.Category.Add(Concept(GenomicsIg.TbdCodes, "biomarker-category", null));
        }

        observation.Category.Add(Concept(GenomicsIg.V2Section, FhirCodes.GeneticsCategory, "Genetics"));
        return observation;
    }

    public static CodeableConcept Concept(string system, string code, string? display, string? text = null) =>
        new() { Coding = [new Coding(system, code, display)], Text = text };

    public static CodeableConcept TextOnly(string text) => new() { Text = text };

    public static Observation.ComponentComponent Component(string system, string code, string? display, DataType value) =>
        new() { Code = Concept(system, code, display), Value = value };

    /// <summary>A LOINC-coded component; displays only where the IG's examples give them, so none is guessed.</summary>
    public static Observation.ComponentComponent Loinc(string code, DataType value, string? display = null) =>
        Component(FhirCodes.Loinc, code, display, value);

    /// <summary>A unitless UCUM quantity (<c>1</c>), as allele fractions and copy numbers are reported.</summary>
    public static Quantity Unitless(decimal value) => new() { Value = value, System = GenomicsIg.Ucum, Code = "1", Unit = "1" };

    /// <summary>phenotypic-treatment-context (LOINC 81259-4): the OncoTree tumour type the rules used.</summary>
    public static Observation.ComponentComponent TreatmentContext(TumorType tumorType) =>
        Loinc(FhirCodes.PhenotypicContext,
            Concept(TumorCrosswalk.OncoTreeSystem, tumorType.OncotreeCode, tumorType.Name, tumorType.Name));
}
