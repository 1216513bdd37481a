using Hl7.Fhir.Model;
using TumorBoard.Core.Patients;

namespace TumorBoard.Fhir.Output.Recommendations;

/// <summary>
/// One plain R4 Specimen per source report (the IG has no Specimen profile), so each finding names the
/// sample it was found in. The service keeps the specimen's role, not the lab's Specimen, so the type
/// is that role in words (words the bundle reader maps back to the same role) and no code is guessed.
/// </summary>
internal static class Specimens
{
    public static string Url(string reportId) => EntryIds.FullUrl("Specimen", Id(reportId));

    public static IEnumerable<Specimen> Create(IEnumerable<ReportedVariant> variants, OutputContext context) =>
        variants
            .DistinctBy(v => v.ReportId, StringComparer.Ordinal)
            .Select(v => new Specimen
            {
                Id = Id(v.ReportId),
                Type = RoleText(v.SpecimenRole) is { } text ? ObservationParts.TextOnly(text) : null,
                Subject = context.Patient,
                Note = [new Annotation { Text = $"Specimen of TumorBoard report {v.ReportId}." }],
            });

    private static string Id(string reportId) => EntryIds.NameUuid("specimen-of-report/" + reportId);

    private static string? RoleText(SpecimenRole role) => role switch
    {
        SpecimenRole.Primary => "Primary tumour specimen",
        SpecimenRole.Metastasis => "Metastasis specimen",
        SpecimenRole.Ctdna => "Plasma cell-free DNA (ctDNA)",
        SpecimenRole.Normal => "Normal (germline) specimen",
        _ => null,
    };
}
