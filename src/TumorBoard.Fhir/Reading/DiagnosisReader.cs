using Hl7.Fhir.Model;
using TumorBoard.Core.Ingestion;
using TumorBoard.Core.Vocabularies;
using TumorBoard.Fhir.Parsing;

namespace TumorBoard.Fhir.Reading;

/// <summary>
/// Finds the primary cancer and the metastatic sites among the bundle's Conditions (mCODE
/// PrimaryCancerCondition / SecondaryCancerCondition, or any Condition with a cancer code) and maps the
/// primary to OncoTree. Without a primary Condition, ServiceRequest.reasonCode (then a GenomicStudy
/// Procedure's reasonCode) is the fallback. An unmapped tumour is a warning, never an error.
/// </summary>
internal static class DiagnosisReader
{
    private static readonly string[] CancerWords = ["cancer", "carcinoma", "malignant", "neoplasm", "tumor", "tumour", "sarcoma", "lymphoma", "leukemia", "leukaemia", "melanoma", "myeloma", "glioma", "blastoma"];

    private enum ConditionRole
    {
        Other,
        Primary,
        Secondary,
    }

    public static DiagnosisContext Read(BundleIndex index, Vocabulary vocabulary, IssueList issues)
    {
        var conditions = index.All<Condition>().Select(c => (Located: c, Role: Classify(c.Resource, vocabulary))).ToList();
        var primaries = conditions.Where(c => c.Role == ConditionRole.Primary)
            .OrderByDescending(c => HasProfile(c.Located.Resource, "primary-cancer-condition"))
            .Select(c => c.Located)
            .ToList();
        var secondaries = conditions.Where(c => c.Role == ConditionRole.Secondary).Select(c => c.Located).ToList();
        var metastaticSites = secondaries
            .Select(s => s.Resource.BodySite.Count > 0 ? BodySite.From([.. s.Resource.BodySite]) : BodySite.From(s.Resource.Code))
            .OfType<BodySite>()
            .ToList();

        if (primaries.Count == 0)
        {
            return FromReasonCodes(index, vocabulary, issues, metastaticSites, secondaries.Count > 0);
        }

        var primary = primaries[0];
        foreach (var other in primaries.Skip(1).Where(p => !SameCode(p.Resource.Code, primary.Resource.Code)))
        {
            issues.Warning("business-rule", $"More than one primary cancer condition; the tumour type is taken from {primary.Path}.", other.Path);
        }

        var mapping = TumorTypeMapper.Map(primary.Resource.Code, Morphology(primary.Resource), vocabulary);
        var (tumorType, source) = (mapping.TumorType, mapping.Source);
        if (tumorType is null)
        {
            issues.Warning("code-invalid", $"The primary cancer code '{Describe(primary.Resource.Code)}' has no OncoTree mapping; the tumour type is unknown.", $"{primary.Path}.code");
        }
        else if (mapping.Morphology is MorphologyOutcome.Conflict or MorphologyOutcome.UnknownCode)
        {
            issues.Warning(
                "business-rule",
                mapping.Morphology == MorphologyOutcome.Conflict
                    ? $"The histology morphology contradicts the diagnosis code; the code's tumour type {tumorType.OncotreeCode} is kept."
                    : $"The histology morphology code is not recognised; the tumour type {tumorType.OncotreeCode} comes from the diagnosis code alone.",
                $"{primary.Path}.extension");
        }

        var primarySite = BodySite.From([.. primary.Resource.BodySite]);
        var diagnosis = new ParsedDiagnosis(
            tumorType,
            source?.System,
            source?.Code,
            source?.Display ?? primary.Resource.Code?.Text,
            primarySite?.Label,
            metastaticSites.Select(s => s.Label).ToList());
        return new DiagnosisContext(diagnosis, primarySite, metastaticSites, secondaries.Count > 0);
    }

    private static DiagnosisContext FromReasonCodes(BundleIndex index, Vocabulary vocabulary, IssueList issues, List<BodySite> metastaticSites, bool metastatic)
    {
        var reasons = index.All<ServiceRequest>().SelectMany(r => r.Resource.ReasonCode.Select((c, i) => (Concept: c, Path: $"{r.Path}.reasonCode[{i}]")))
            .Concat(index.All<Procedure>().SelectMany(p => p.Resource.ReasonCode.Select((c, i) => (Concept: c, Path: $"{p.Path}.reasonCode[{i}]"))))
            .ToList();
        foreach (var (concept, path) in reasons)
        {
            if (TumorTypeMapper.Map(concept, null, vocabulary) is { TumorType: { } tumorType, Source: var source })
            {
                issues.Information("informational", "No primary cancer Condition; the tumour type is taken from the order's reason code.", path);
                var diagnosis = new ParsedDiagnosis(tumorType, source?.System, source?.Code, source?.Display ?? concept.Text, null, metastaticSites.Select(s => s.Label).ToList());
                return new DiagnosisContext(diagnosis, null, metastaticSites, metastatic);
            }
        }

        var where = reasons.Count > 0 ? reasons[0].Path : "Bundle";
        issues.Warning("not-found", "No primary cancer Condition (or mappable reason code) in the bundle; the tumour type is unknown.", where);
        var unknown = metastaticSites.Count > 0 || reasons.Count > 0
            ? new ParsedDiagnosis(null, null, null, reasons.Count > 0 ? Describe(reasons[0].Concept) : null, null, metastaticSites.Select(s => s.Label).ToList())
            : null;
        return new DiagnosisContext(unknown, null, metastaticSites, metastatic);
    }

    private static ConditionRole Classify(Condition condition, Vocabulary vocabulary)
    {
        if (HasProfile(condition, "secondary-cancer-condition"))
        {
            return ConditionRole.Secondary;
        }

        if (HasProfile(condition, "primary-cancer-condition"))
        {
            return ConditionRole.Primary;
        }

        var codings = FhirValues.Codings(condition.Code).ToList();
        var texts = FhirValues.Texts(condition.Code).ToList();
        if (codings.Any(IsSecondaryIcd) || texts.Any(t => t.Contains("secondary", StringComparison.OrdinalIgnoreCase) || t.Contains("metasta", StringComparison.OrdinalIgnoreCase)))
        {
            return ConditionRole.Secondary;
        }

        return TumorTypeMapper.IsKnownCancer(condition.Code, vocabulary)
            || texts.Any(t => CancerWords.Any(w => t.Contains(w, StringComparison.OrdinalIgnoreCase)))
            ? ConditionRole.Primary
            : ConditionRole.Other;
    }

    /// <summary>ICD-10-CM C77-C79: secondary malignant neoplasms.</summary>
    private static bool IsSecondaryIcd(Coding coding) =>
        string.Equals(coding.System?.Trim(), FhirCodes.Icd10Cm, StringComparison.OrdinalIgnoreCase)
        && coding.Code?.Trim().ToUpperInvariant() is { Length: >= 3 } code
        && code[0] == 'C' && code[1] == '7' && code[2] is '7' or '8' or '9';

    private static bool HasProfile(Resource resource, string profileName) =>
        resource.Meta?.Profile.Any(p => p?.Contains(profileName, StringComparison.OrdinalIgnoreCase) == true) == true;

    private static CodeableConcept? Morphology(Condition condition) =>
        condition.GetExtension(FhirCodes.HistologyMorphology)?.Value as CodeableConcept;

    private static bool SameCode(CodeableConcept? a, CodeableConcept? b) =>
        FhirValues.Codings(a).Any(x => FhirValues.HasCode(b, x.Code ?? string.Empty, x.System));

    private static string Describe(CodeableConcept? concept)
    {
        var coding = FhirValues.Codings(concept).FirstOrDefault();
        var text = FhirValues.Texts(concept).FirstOrDefault();
        return coding is null ? text ?? "(none)" : $"{coding.System}|{coding.Code}{(text is null ? string.Empty : $" ({text})")}";
    }
}
