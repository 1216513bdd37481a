using Hl7.Fhir.Model;
using TumorBoard.Core.Rules;
using TumorBoard.Fhir.Parsing;
using Task = Hl7.Fhir.Model.Task;

namespace TumorBoard.Fhir.Output.Recommendations;

/// <summary>
/// A therapy the board accepted as a STU3 <c>medication-recommendation</c> Task (requested, proposal)
/// whose reason is the therapeutic implication. An accepted resistance finding is coded LOINC
/// LA26421-0 "Consider alternative medication"; the IG's answer list LL4049-4 has no answer meaning
/// "start this drug", so an accepted sensitivity finding carries no code, only its description.
/// </summary>
internal static class MedicationRecommendations
{
    public static Task? Create(TherapyFindingInput finding, OutputContext context)
    {
        if (finding.Review != ReviewDecision.Accepted)
        {
            return null;
        }

        var drugs = string.Join(" + ", finding.Drugs);
        var keys = string.Join(", ", finding.AlterationKeys);
        var resistant = finding.Effect == TherapyEffect.Resistant;
        return new Task
        {
            Id = TaskId(finding.RecommendationId),
            Meta = new Meta { Profile = [GenomicsIg.MedicationRecommendation] },
            Status = Task.TaskStatus.Requested,
            Intent = Task.TaskIntent.Proposal,
            Code = resistant ? ObservationParts.Concept(FhirCodes.Loinc, GenomicsIg.ConsiderAlternativeMedication, "Consider alternative medication") : null,
            Description = resistant
                ? $"The tumor board accepted: {keys} predicts resistance to {drugs} (level {finding.Level.ToCode()}); consider an alternative."
                : $"The tumor board accepted: consider {drugs} for {keys} (level {finding.Level.ToCode()}).",
            For = context.Patient,
            ReasonReference = new ResourceReference(EntryIds.FullUrl("Observation", finding.RecommendationId)),
        };
    }

    /// <summary>The Task's id, derived from the recommendation so it is stable and distinct from the implication's.</summary>
    public static string TaskId(string recommendationId) => EntryIds.NameUuid("medication-recommendation/" + recommendationId);
}
