using Hl7.Fhir.Model;
using TumorBoard.Fhir.Parsing;
using static TumorBoard.Fhir.Output.Recommendations.ObservationParts;

namespace TumorBoard.Fhir.Output.Recommendations;

/// <summary>
/// A trial-arm finding as a STU3 <c>therapeutic-implication</c> Observation with the therapy-assessed
/// (associated-therapy) component coded by NCT id, as the IG's clinical-trial examples do.
/// Eligible arms carry SNOMED CT 399223003; potential ones say in text what is still open, because no
/// code means "genomically matched, other criteria not assessed". Ineligible arms are not reported.
/// </summary>
internal static class TrialImplications
{
    public const string PotentialText = "Potentially eligible for clinical trial: the arm's genomic criteria are met; other criteria are not yet assessed.";

    public static Observation? Create(TrialFindingInput finding, VariantIndex variants, OutputContext context)
    {
        if (finding.Status == TrialEligibility.Ineligible)
        {
            return null;
        }

        var observation = TherapyImplications.Implication(finding.RecommendationId, context);
        observation.DerivedFrom = variants.DerivedFrom(finding.AlterationKeys, finding.RecommendationId);
        observation.Component.Add(TherapyImplications.ImplicationComponent(finding.Status == TrialEligibility.Eligible
            ? Concept(FhirCodes.Snomed, GenomicsIg.EligibleForTrial, "Patient eligible for clinical trial")
            : TextOnly(PotentialText)));
        observation.Component.Add(Component(GenomicsIg.TbdCodes, FhirCodes.AssociatedTherapy, "Associated Therapy",
            // A locally registered CTML protocol has no NCT id: named in text only, never with an empty code.
            string.IsNullOrEmpty(finding.NctId) ? TextOnly(ArmText(finding)) : Concept(GenomicsIg.ClinicalTrials, finding.NctId, finding.NctId, ArmText(finding))));
        TherapyImplications.AddMedications(observation, finding.Drugs);
        TherapyImplications.AddContext(observation, context);
        return observation;
    }

    private static string ArmText(TrialFindingInput finding) =>
        string.IsNullOrWhiteSpace(finding.ArmTitle)
            ? $"{finding.TrialId} arm {finding.ArmId}"
            : $"{finding.TrialId} arm {finding.ArmId}: {finding.ArmTitle}";
}
