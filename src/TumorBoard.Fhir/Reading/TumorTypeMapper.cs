using Hl7.Fhir.Model;
using TumorBoard.Core.Patients;
using TumorBoard.Core.Vocabularies;
using TumorBoard.Fhir.Parsing;

namespace TumorBoard.Fhir.Reading;

/// <summary>
/// Maps a diagnosis concept to an OncoTree tumour type: OncoTree codes directly, SNOMED CT /
/// ICD-10-CM / ICD-O-3 through the vocabulary's crosswalk. The first coding that maps wins.
/// </summary>
internal static class TumorTypeMapper
{
    public static (TumorType? TumorType, Coding? Source) Map(CodeableConcept? concept, Vocabulary vocabulary)
    {
        foreach (var coding in FhirValues.Codings(concept))
        {
            var system = coding.System?.Trim();
            var code = coding.Code?.Trim();
            if (string.IsNullOrEmpty(system) || string.IsNullOrEmpty(code))
            {
                continue;
            }

            var oncotreeCode = string.Equals(system, TumorCrosswalk.OncoTreeSystem, StringComparison.OrdinalIgnoreCase)
                ? code
                : vocabulary.TumorCrosswalk.ToOncotree(system, code);
            if (vocabulary.OncoTree.TumorTypeOf(oncotreeCode) is { } tumorType)
            {
                return (tumorType, coding);
            }
        }

        return (null, FhirValues.Codings(concept).FirstOrDefault());
    }

    /// <summary>True when a coding of the concept is a cancer code the service knows: OncoTree, or one the crosswalk maps.</summary>
    public static bool IsKnownCancer(CodeableConcept? concept, Vocabulary vocabulary) => Map(concept, vocabulary).TumorType is not null;
}
