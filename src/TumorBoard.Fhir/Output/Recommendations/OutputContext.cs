using Hl7.Fhir.Model;
using TumorBoard.Core.Patients;

namespace TumorBoard.Fhir.Output.Recommendations;

/// <summary>What every resource of one $recommendations Bundle shares.</summary>
internal sealed record OutputContext(
    string PatientUrl,
    ObservationStatus ObservationStatus,
    DateTimeOffset Issued,
    TumorType? TumorType,
    IReadOnlyDictionary<string, string> HgncIds)
{
    public static OutputContext From(RecommendationReportInput input) => new(
        EntryIds.FullUrl("Patient", input.PatientId),
        input.IsSignedOff ? ObservationStatus.Final : ObservationStatus.Preliminary,
        input.SignedOffAt ?? input.EvaluatedAt,
        input.TumorType,
        input.HgncIds);

    public ResourceReference Patient => new(PatientUrl);
}
