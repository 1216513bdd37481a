using Hl7.Fhir.Model;
using TumorBoard.Core.Patients;
using TumorBoard.Core.Vocabularies;
using TumorBoard.Fhir.Parsing;

namespace TumorBoard.Fhir.Reading;

/// <summary>
/// Prior therapies from MedicationStatement, MedicationRequest and MedicationAdministration: the drug
/// from medicationCodeableConcept (RxNorm code or text) or a referenced Medication, as a lower-case INN;
/// the period from effective[x] (or a request's validity period / authoredOn). Drugs given over the
/// same period form one combination therapy. A drug the vocabulary does not know is kept lower-cased, with a warning.
/// </summary>
internal static class TherapyReader
{
    private const string RxNorm = "rxnorm";
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "entered-in-error", "not-taken", "cancelled" };

    public static List<PriorTherapy> Read(BundleIndex index, Vocabulary vocabulary, IssueList issues)
    {
        var given = new List<(string Drug, DateTimeOffset? Start, DateTimeOffset? End, string Source)>();
        foreach (var located in index.All<Resource>())
        {
            var (medication, status, span) = located.Resource switch
            {
                MedicationStatement s => (s.Medication, FhirValues.Raw(s.StatusElement), FhirValues.Span(s.Effective)),
                MedicationAdministration a => (a.Medication, FhirValues.Raw(a.StatusElement), FhirValues.Span(a.Effective)),
                MedicationRequest r => (r.Medication, FhirValues.Raw(r.StatusElement), RequestSpan(r)),
                _ => (null, null, (null, null)),
            };
            if (medication is null || (status is not null && Ignored.Contains(status)))
            {
                continue;
            }

            if (Drug(medication, located, index, vocabulary, issues) is { } drug)
            {
                var resource = located.Resource;
                given.Add((drug, span.Start, span.End, string.IsNullOrWhiteSpace(resource.Id) ? located.Path : $"{resource.TypeName}/{resource.Id}"));
            }
        }

        return given
            .GroupBy(g => (g.Start, g.End))
            .SelectMany(group => group.Key.Start is null
                ? group.Select(g => new PriorTherapy([g.Drug], null, g.End) { Source = g.Source })
                : [new PriorTherapy(group.Select(g => g.Drug).Distinct(StringComparer.Ordinal).ToList(), group.Key.Start, group.Key.End)
                {
                    Source = string.Join(", ", group.Select(g => g.Source).Distinct(StringComparer.Ordinal)),
                }])
            .OrderBy(t => t.Start ?? DateTimeOffset.MaxValue)
            .ToList();
    }

    private static (DateTimeOffset? Start, DateTimeOffset? End) RequestSpan(MedicationRequest request) =>
        request.DispenseRequest?.ValidityPeriod is { } validity
            ? FhirValues.Span(validity)
            : (FhirValues.Date(FhirValues.Raw(request.AuthoredOnElement)), null);

    private static string? Drug(DataType medication, Located<Resource> located, BundleIndex index, Vocabulary vocabulary, IssueList issues)
    {
        var concept = medication as CodeableConcept;
        var path = $"{located.Path}.medication";
        if (medication is ResourceReference reference)
        {
            var target = index.Resolve<Medication>(reference, located);
            concept = target?.Resource.Code;
            if (target is null)
            {
                issues.Warning("not-found", $"The medication reference '{reference.Reference}' does not resolve to a Medication in the bundle; the therapy is ignored.", path);
                return null;
            }

            path = $"{target.Path}.code";
        }

        var rxnorm = FhirValues.Codings(concept).FirstOrDefault(c => c.System?.Contains(RxNorm, StringComparison.OrdinalIgnoreCase) == true)?.Code?.Trim();
        var texts = FhirValues.Texts(concept).ToList();
        var inn = vocabulary.Drugs.ToInn(rxnorm, null) ?? texts.Select(t => vocabulary.Drugs.ToInn(null, t)).FirstOrDefault(t => t is not null);
        if (inn is not null)
        {
            return inn;
        }

        var kept = texts.Count > 0 ? texts[0].ToLowerInvariant() : rxnorm is null ? null : $"rxnorm:{rxnorm}";
        issues.Warning("code-invalid", kept is null
            ? "The medication has neither an RxNorm code nor text; the therapy is ignored."
            : $"The medication '{kept}' is not in the drug vocabulary; it is kept as written.", path);
        return kept;
    }
}
