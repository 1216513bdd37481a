using Hl7.Fhir.Model;
using TumorBoard.Core.Patients;
using TumorBoard.Core.Vocabularies;
using TumorBoard.Fhir.Parsing;

namespace TumorBoard.Fhir.Reading;

/// <summary>The tumour type a diagnosis concept maps to, the coding that mapped, and what the morphology did.</summary>
internal sealed record TumorMapping(TumorType? TumorType, Coding? Source, MorphologyOutcome Morphology);

/// <summary>
/// Maps a diagnosis concept to an OncoTree tumour type: OncoTree codes directly; SNOMED CT / ICD-10-CM /
/// ICD-O-3 through the vocabulary's crosswalk, refined by the mCODE histology-morphology-behavior code
/// when one is given (C34 + 8140/3 gives LUAD). The first coding that maps wins.
/// </summary>
internal static class TumorTypeMapper
{
    public static TumorMapping Map(CodeableConcept? concept, CodeableConcept? morphology, Vocabulary vocabulary)
    {
        var morphologyCoding = FhirValues.Codings(morphology).FirstOrDefault(c => !string.IsNullOrWhiteSpace(c.Code));
        foreach (var coding in FhirValues.Codings(concept))
        {
            var system = coding.System?.Trim();
            var code = coding.Code?.Trim();
            if (string.IsNullOrEmpty(system) || string.IsNullOrEmpty(code))
            {
                continue;
            }

            if (string.Equals(system, TumorCrosswalk.OncoTreeSystem, StringComparison.OrdinalIgnoreCase))
            {
                if (vocabulary.OncoTree.TumorTypeOf(code) is { } direct)
                {
                    return new TumorMapping(direct, coding, MorphologyOutcome.NotGiven);
                }

                continue;
            }

            var match = vocabulary.TumorCrosswalk.Resolve(system, code, morphologyCoding?.System?.Trim(), morphologyCoding?.Code?.Trim());
            if (vocabulary.OncoTree.TumorTypeOf(match.OncotreeCode) is { } mapped)
            {
                return new TumorMapping(mapped, coding, match.Morphology);
            }
        }

        // A site-independent morphology (GIST) still names the tumour when the diagnosis code does not map.
        if (morphologyCoding is not null)
        {
            var byMorphology = vocabulary.TumorCrosswalk.Resolve(null, null, morphologyCoding.System?.Trim(), morphologyCoding.Code?.Trim());
            if (byMorphology.Morphology == MorphologyOutcome.SiteIndependent && vocabulary.OncoTree.TumorTypeOf(byMorphology.OncotreeCode) is { } anywhere)
            {
                return new TumorMapping(anywhere, morphologyCoding, byMorphology.Morphology);
            }
        }

        return new TumorMapping(null, FhirValues.Codings(concept).FirstOrDefault(), MorphologyOutcome.NotGiven);
    }

    /// <summary>True when a coding of the concept is a cancer code the service knows: OncoTree, or one the crosswalk maps.</summary>
    public static bool IsKnownCancer(CodeableConcept? concept, Vocabulary vocabulary) => Map(concept, null, vocabulary).TumorType is not null;
}
