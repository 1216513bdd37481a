using Hl7.Fhir.Model;
using TumorBoard.Core.Ingestion;
using TumorBoard.Core.Patients;
using TumorBoard.Fhir.Parsing;

namespace TumorBoard.Fhir.Reading;

/// <summary>
/// Derives what a report's specimen represents (docs/fhir.md, "Specimen role"). The role comes from the
/// specimen, not from its findings' origin: a tumour biopsy whose only finding is a germline BRCA2 variant is
/// still a tumour sample. Rules, first match wins: a specimen marked normal, or blood/plasma/serum (or no
/// specimen) in a germline-only report: normal; blood/plasma/serum in a somatic report: ctdna;
/// specimen text saying metastasis, or a body site matching a metastatic site: metastasis; a body site
/// matching the primary site: primary; a specimen type saying primary: primary; a body site that differs
/// from the primary site while metastatic disease is recorded: metastasis; otherwise unknown, with a warning.
/// </summary>
internal static class SpecimenRoles
{
    private static readonly string[] BloodWords = ["plasma", "blood", "serum", "cfdna", "ctdna", "cell-free", "cell free", "liquid biopsy"];

    public static ParsedSpecimen Derive(Located<Specimen>? located, bool germlineOnly, DiagnosisContext diagnosis, string reportPath, IssueList issues)
    {
        var specimen = located?.Resource;
        var type = BodySite.From(specimen?.Type);
        var site = BodySite.From(specimen?.Collection?.BodySite);
        var (role, reason) = Rule(specimen, type, site, germlineOnly, diagnosis);
        if (role == SpecimenRole.Unknown)
        {
            issues.Warning("incomplete", $"The specimen role could not be derived: {reason}.", located?.Path ?? reportPath);
        }

        return new ParsedSpecimen(
            specimen?.Id,
            role,
            reason,
            type?.Label,
            site?.Label ?? (role is SpecimenRole.Ctdna or SpecimenRole.Normal ? null : type?.Label),
            FhirValues.Span(specimen?.Collection?.Collected).Start);
    }

    /// <summary>True when the specimen is blood, plasma or serum by code or by words.</summary>
    public static bool IsBlood(Specimen? specimen) =>
        specimen?.Type is { } type
        && (FhirValues.HasAnyCode(type, FhirCodes.BloodSpecimenTypes)
            || FhirValues.Texts(type).Any(t => BloodWords.Any(w => t.Contains(w, StringComparison.OrdinalIgnoreCase))));

    public static bool IsMarkedNormal(Specimen? specimen) =>
        FhirValues.Texts(specimen?.Type).Any(t => t.Contains("normal", StringComparison.OrdinalIgnoreCase));

    private static (SpecimenRole Role, string Reason) Rule(Specimen? specimen, BodySite? type, BodySite? site, bool germlineOnly, DiagnosisContext diagnosis)
    {
        if (specimen is null)
        {
            return germlineOnly
                ? (SpecimenRole.Normal, "a germline-only report naming no specimen in the bundle (a germline test)")
                : (SpecimenRole.Unknown, "the report names no specimen found in the bundle");
        }

        if (IsMarkedNormal(specimen))
        {
            return (SpecimenRole.Normal, $"the specimen type '{type?.Label}' says normal");
        }

        if (germlineOnly && IsBlood(specimen))
        {
            return (SpecimenRole.Normal, $"blood specimen ('{type?.Label}') in a germline-only report: the normal sample");
        }

        if (IsBlood(specimen))
        {
            return (SpecimenRole.Ctdna, $"blood/plasma specimen ('{type?.Label}') in a somatic report");
        }

        var texts = new[] { type, site }.OfType<BodySite>().ToList();
        if (texts.Any(t => t.Mentions("metasta")))
        {
            return (SpecimenRole.Metastasis, "the specimen's type or body site says metastasis");
        }

        var comparable = site ?? type;
        var metastaticMatch = comparable is null ? null : diagnosis.MetastaticSites.FirstOrDefault(m => comparable.Matches(m));
        var primaryMatch = comparable is not null && diagnosis.PrimarySite is { } primary && comparable.Matches(primary);
        if (metastaticMatch is not null && primaryMatch)
        {
            return (SpecimenRole.Unknown, $"the body site '{comparable!.Label}' matches both the primary and a metastatic site");
        }

        if (metastaticMatch is not null)
        {
            return (SpecimenRole.Metastasis, $"the body site '{comparable!.Label}' matches the metastatic site '{metastaticMatch.Label}'");
        }

        if (primaryMatch)
        {
            return (SpecimenRole.Primary, $"the body site '{comparable!.Label}' matches the primary cancer's site '{diagnosis.PrimarySite!.Label}'");
        }

        if (texts.Any(t => t.Mentions("primary")))
        {
            return (SpecimenRole.Primary, "the specimen's type or body site says primary tumour");
        }

        if (comparable is { HasWords: true } && diagnosis.PrimarySite is { HasWords: true } primarySite && diagnosis.HasMetastaticDisease)
        {
            return (SpecimenRole.Metastasis, $"the body site '{comparable.Label}' differs from the primary site '{primarySite.Label}' and metastatic disease is recorded");
        }

        return (SpecimenRole.Unknown, Explain(comparable, diagnosis));
    }

    private static string Explain(BodySite? site, DiagnosisContext diagnosis) => (site, diagnosis.PrimarySite) switch
    {
        (null, _) => "the specimen has no body site or type to compare",
        (_, null) => $"no primary cancer body site to compare the specimen's site '{site.Label}' with",
        _ => $"the body site '{site.Label}' matches neither the primary site nor a metastatic site",
    };
}
