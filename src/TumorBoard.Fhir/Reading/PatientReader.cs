using System.Globalization;
using Hl7.Fhir.Model;
using TumorBoard.Core.Ingestion;
using TumorBoard.Core.Patients;
using TumorBoard.Fhir.Parsing;

namespace TumorBoard.Fhir.Reading;

/// <summary>
/// Reads the bundle's one Patient. Its identifiers (system and value) are the patient's key, so a
/// bundle without such an identifier cannot be paired with anything: an error. Names and addresses are never read.
/// </summary>
internal static class PatientReader
{
    public static (ParsedPatient? Patient, Located<Resource>? Located) Read(BundleIndex index, IssueList issues)
    {
        var patients = index.All<Patient>().ToList();
        if (patients.Count == 0)
        {
            issues.Error("required", "The bundle has no Patient; its reports cannot be paired with any patient.", "Bundle.entry");
            return (null, null);
        }

        foreach (var extra in patients.Skip(1))
        {
            issues.Error("invalid", "The bundle has more than one Patient; it must describe exactly one patient.", extra.Path);
        }

        var (patient, path) = (patients[0].Resource, patients[0].Path);
        var identifiers = patient.Identifier
            .Where(i => !string.IsNullOrWhiteSpace(i.System) && !string.IsNullOrWhiteSpace(i.Value))
            .Select(i => new BusinessIdentifier(i.System!.Trim(), i.Value!.Trim()))
            .Distinct()
            .ToList();
        if (identifiers.Count == 0)
        {
            issues.Error(
                "required",
                "The Patient has no identifier with both system and value; the bundle cannot be paired with any patient.",
                patient.Identifier.Count == 0 ? $"{path}.identifier" : $"{path}.identifier[0]");
            return (null, new Located<Resource>(patient, path));
        }

        var birthDate = DateOnly.TryParseExact(FhirValues.Raw(patient.BirthDateElement), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born)
            ? born
            : (DateOnly?)null;
        return (new ParsedPatient(identifiers, FhirValues.Raw(patient.GenderElement), birthDate), new Located<Resource>(patient, path));
    }
}
