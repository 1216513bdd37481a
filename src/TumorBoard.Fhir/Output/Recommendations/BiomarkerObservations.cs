using Hl7.Fhir.Model;
using TumorBoard.Core.Alterations;
using TumorBoard.Fhir.Parsing;
using static TumorBoard.Fhir.Output.Recommendations.ObservationParts;

namespace TumorBoard.Fhir.Output.Recommendations;

/// <summary>TMB and MSI as STU3 <c>molecular-biomarker</c> Observations (codes as in the IG's TMBExample and MSIExample).</summary>
internal static class BiomarkerObservations
{
    public static Observation Tmb(ReportedVariant variant, OutputContext context)
    {
        var observation = Biomarker(variant, FhirCodes.Tmb, "Mutations/Megabase [# Ratio] in Tumor", context);
        if (variant.Alteration.Value is { } mutationsPerMegabase)
        {
            observation.Value = new Quantity { Value = mutationsPerMegabase, Unit = "mutations/Mb" };
        }

        return observation;
    }

    public static Observation Msi(ReportedVariant variant, OutputContext context)
    {
        var observation = Biomarker(variant, FhirCodes.Msi, "Microsatellite instability [Interpretation] in Cancer specimen Qualitative", context);
        var high = variant.Alteration.Key == AlterationKeys.MsiHigh;
        observation.Value = high
            ? Concept(FhirCodes.Loinc, FhirCodes.MsiHigh, "MSI-H")
            : Concept(FhirCodes.Loinc, FhirCodes.MsiStable, "Stable");
        return observation;
    }

    private static Observation Biomarker(ReportedVariant variant, string loincCode, string display, OutputContext context)
    {
        var observation = Genomic(variant.Id, GenomicsIg.MolecularBiomarker, Concept(FhirCodes.Loinc, loincCode, display), context, biomarker: true);
        observation.Component.Add(Component(GenomicsIg.TbdCodes, "biomarker-category", null,
            Concept(GenomicsIg.BiomarkerOntology, "molgen", "molecular sequence adjacent category")));
        return observation;
    }
}
