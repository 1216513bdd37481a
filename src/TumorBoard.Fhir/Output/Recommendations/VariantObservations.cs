using Hl7.Fhir.Model;
using TumorBoard.Core.Alterations;
using TumorBoard.Fhir.Parsing;
using static TumorBoard.Fhir.Output.Recommendations.ObservationParts;

namespace TumorBoard.Fhir.Output.Recommendations;

/// <summary>
/// A reported alteration as a STU3 <c>variant</c> Observation (value LA9633-4 Present), or for TMB and
/// MSI a <c>molecular-biomarker</c> Observation, carrying only what the service knows: no coordinates,
/// no reference-sequence accession it was not given.
/// </summary>
internal static class VariantObservations
{
    public static Observation Create(ReportedVariant variant, OutputContext context)
    {
        var observation = variant.Alteration.Kind switch
        {
            AlterationKind.Tmb => BiomarkerObservations.Tmb(variant, context),
            AlterationKind.Msi => BiomarkerObservations.Msi(variant, context),
            _ => Variant(variant, context),
        };
        observation.Specimen = new ResourceReference(Specimens.Url(variant.ReportId));
        return observation;
    }

    private static Observation Variant(ReportedVariant variant, OutputContext context)
    {
        var alteration = variant.Alteration;
        var observation = Genomic(variant.Id, GenomicsIg.Variant, Concept(FhirCodes.Loinc, FhirCodes.Variant, "Genetic variant assessment"), context);
        observation.Value = Concept(FhirCodes.Loinc, GenomicsIg.Present, "Present");

        foreach (var gene in GeneIds.GenesOf(alteration))
        {
            observation.Component.Add(Loinc(FhirCodes.GeneStudied, GeneConcept(gene, context)));
        }

        observation.Component.Add(Loinc(FhirCodes.VariationCode, TextOnly(alteration.Key)));
        if (alteration.Protein is { StartPosition: > 0 } protein)
        {
            observation.Component.Add(Loinc(FhirCodes.ProteinHgvs, Concept(GenomicsIg.Hgvs, "p." + protein.Text, null)));
        }

        if (!string.IsNullOrWhiteSpace(alteration.CodingChange))
        {
            var coding = alteration.Transcript is { Length: > 0 } transcript ? $"{transcript}:{alteration.CodingChange}" : alteration.CodingChange;
            observation.Component.Add(Loinc(FhirCodes.CodingHgvs, Concept(GenomicsIg.Hgvs, coding, null)));
        }

        if (alteration.Transcript is { Length: > 0 } refSeq && refSeq.StartsWith("NM_", StringComparison.Ordinal))
        {
            observation.Component.Add(Loinc(FhirCodes.TranscriptRefSeq, Concept(GenomicsIg.RefSeq, refSeq, null)));
        }

        if (ChangeTypes.Of(alteration) is { } changeType)
        {
            observation.Component.Add(Loinc(FhirCodes.CodingChangeType, Concept(GenomicsIg.SequenceOntology, changeType.Code, changeType.Display)));
        }

        AddSourceClass(observation, alteration.Origin);
        if (alteration.Vaf is { } vaf)
        {
            observation.Component.Add(Loinc(FhirCodes.AlleleFrequency, Unitless(vaf)));
        }

        if (alteration.CopyNumber is { } copies)
        {
            observation.Component.Add(Loinc(FhirCodes.CopyNumber, Unitless(copies)));
        }

        return observation;
    }

    private static CodeableConcept GeneConcept(string symbol, OutputContext context) =>
        context.HgncIds.TryGetValue(symbol, out var id)
            ? Concept(FhirCodes.HgncStu3, id, symbol)
            : TextOnly(symbol);

    private static void AddSourceClass(Observation observation, VariantOrigin origin)
    {
        var (code, display) = origin switch
        {
            VariantOrigin.Somatic => (FhirCodes.Somatic, "Somatic"),
            VariantOrigin.Germline => (FhirCodes.Germline, "Germline"),
            _ => (null, null),
        };
        if (code is not null)
        {
            observation.Component.Add(Loinc(FhirCodes.GenomicSourceClass, Concept(FhirCodes.Loinc, code, display)));
        }
    }
}
