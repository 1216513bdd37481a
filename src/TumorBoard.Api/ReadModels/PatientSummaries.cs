using TumorBoard.Persistence.Entities;

namespace TumorBoard.Api.ReadModels;

/// <summary>How a stored patient is shown wherever a list names patients (patients, arm matches, the board).</summary>
public static class PatientSummaries
{
    public static PatientSummaryDto Of(PatientEntity patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        return new(patient.Id, Identifiers(patient), TumorType(patient));
    }

    public static IReadOnlyList<IdentifierDto> Identifiers(PatientEntity patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        return patient.Identifiers.OrderBy(i => i.System, StringComparer.InvariantCulture).ThenBy(i => i.Value, StringComparer.InvariantCulture).Select(i => new IdentifierDto(i.System, i.Value)).ToList();
    }

    public static TumorTypeDto? TumorType(PatientEntity patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        return patient.TumorOncotreeCode is null ? null : new TumorTypeDto(patient.TumorOncotreeCode, patient.TumorName ?? patient.TumorOncotreeCode);
    }
}
