using TumorBoard.Core.Ingestion;
using TumorBoard.Core.Patients;
using TumorBoard.Core.Rules;
using TumorBoard.Core.Rules.Engine;
using TumorBoard.KnowledgeBase;
using TumorBoard.KnowledgeBase.Vocabularies;
using TumorBoard.TestSupport.Fhir;

namespace TumorBoard.Fhir.Tests.Knowledge;

/// <summary>
/// Golden cases through the FHIR reader: a bundle as a hospital sends it, read with the shipped vocabulary, then
/// the shipped knowledge base (gene-checked as the service loads it). Normal (germline-sample) reports are left
/// out as the service does; plasma-only keys come from ctDNA reports.
/// </summary>
internal static class FhirGolden
{
    public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
    public const string Snomed = "http://snomed.info/sct";
    public const string OncoTree = "http://oncotree.mskcc.org";
    public static readonly DateTimeOffset Diagnosed = new(2024, 1, 10, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Later = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly TestSite Prostate = new("41216001", "Prostate structure", "309075002", "Tissue specimen");
    public static readonly TestSite Brain = new("12738006", "Brain structure", "309075002", "Tissue specimen");
    public static readonly TestSite Stomach = new("69695003", "Stomach structure", "309075002", "Tissue specimen");

    private static readonly Lazy<RuleEngine> Engine = new(() =>
    {
        var vocabulary = VocabularyLoader.LoadEmbedded();
        return new RuleEngine(GeneReferences.LoadRules(vocabulary), vocabulary.OncoTree);
    });

    public static GenomicBundleBuilder Patient(string system, string code, string display, TestSite site) =>
        new GenomicBundleBuilder("urn:test:mrn", "MRN-" + code).PrimaryCancer(system, code, display, site);

    public static (ParsedBundle Bundle, RuleEvaluation Result) Evaluate(string json)
    {
        var bundle = Reader.Accepted(json);
        var tumourReports = bundle.Reports.Where(r => r.Specimen?.Role is not SpecimenRole.Normal).ToList();
        var tissueKeys = tumourReports.Where(r => r.Specimen?.Role != SpecimenRole.Ctdna).SelectMany(r => r.Alterations).Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        var result = Engine.Value.Evaluate(new PatientProfile
        {
            OncotreeCode = bundle.Diagnosis?.TumorType?.OncotreeCode,
            Alterations = tumourReports.SelectMany(r => r.Alterations).ToList(),
            PriorTherapies = bundle.PriorTherapies,
            ClinicalMarkers = bundle.MarkerStatuses(),
            PlasmaOnlyAlterationKeys = tumourReports.Where(r => r.Specimen?.Role == SpecimenRole.Ctdna).SelectMany(r => r.Alterations)
                .Select(a => a.Key).Where(k => !tissueKeys.Contains(k)).ToHashSet(StringComparer.Ordinal),
        });
        return (bundle, result);
    }

    public static TherapyMatch Fired(RuleEvaluation result, string ruleId) =>
        Assert.Single(result.Therapies, t => t.RuleId == ruleId);

    public static void NotFired(RuleEvaluation result, string ruleIdOrPrefix) =>
        Assert.DoesNotContain(result.Therapies, t => ruleIdOrPrefix.EndsWith('/') ? t.RuleId.StartsWith(ruleIdOrPrefix, StringComparison.Ordinal) : t.RuleId == ruleIdOrPrefix);
}
