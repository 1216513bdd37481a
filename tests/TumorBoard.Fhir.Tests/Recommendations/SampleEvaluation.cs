using TumorBoard.Core.Alterations;
using TumorBoard.Core.Patients;
using TumorBoard.Core.Rules;
using TumorBoard.Fhir.Output;
using TumorBoard.KnowledgeBase.Vocabularies;

namespace TumorBoard.Fhir.Tests.Recommendations;

/// <summary>
/// A synthetic lung adenocarcinoma evaluation exercising every output shape: an alteration in two
/// reports, SNV, indel, amplification, fusion, TMB, MSI; sensitive, resistant and combination
/// findings under every review state; eligible, potential and ineligible trial arms.
/// </summary>
internal static class SampleEvaluation
{
    public const string MrnSystem = "http://hospital.example.org/mrn";

    private static readonly Lazy<Core.Vocabularies.GeneSymbols> Genes = new(() => VocabularyLoader.LoadEmbedded().Genes);

    public static RecommendationReportInput Create(bool signedOff = true)
    {
        var variants = Variants();
        return new RecommendationReportInput
        {
            PatientId = "0195f3c2-1111-7000-8000-000000000001",
            PatientIdentifiers = [new BusinessIdentifier(MrnSystem, "MRN-0042")],
            EvaluationId = "0195f3c2-2222-7000-8000-000000000001",
            EvaluatedAt = new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero),
            SignedOffAt = signedOff ? new DateTimeOffset(2026, 3, 4, 16, 0, 0, TimeSpan.Zero) : null,
            KnowledgeBaseVersion = "2026.1",
            KnowledgeBaseHash = "sha256:5f2b7c0e9a",
            TumorType = new TumorType("LUAD", "Lung Adenocarcinoma"),
            Variants = variants,
            HgncIds = GeneIds.For(variants, Genes.Value),
            Therapies = Therapies(),
            Trials = Trials(),
        };
    }

    public static IReadOnlyList<ReportedVariant> Variants() =>
    [
        Snv("var-l858r-primary", "EGFR", "L858R", "c.2573T>G", 0.31m, "report-primary", SpecimenRole.Primary),
        Snv("var-l858r-met", "EGFR", "L858R", "c.2573T>G", 0.28m, "report-met", SpecimenRole.Metastasis),
        Snv("var-t790m-met", "EGFR", "T790M", "c.2369C>T", 0.12m, "report-met", SpecimenRole.Metastasis),
        Snv("var-ex19del-ctdna", "EGFR", "E746_A750del", "c.2235_2249del", 0.04m, "report-ctdna", SpecimenRole.Ctdna, AlterationKind.Indel),
        new("var-erbb2-amp", new Alteration
        {
            Key = "ERBB2 amplification", Gene = "ERBB2", Kind = AlterationKind.Cna, CopyNumber = 9m,
            CnaCall = CnaCall.Amplification, Origin = VariantOrigin.Somatic,
        }, "report-met", SpecimenRole.Metastasis),
        new("var-eml4-alk", new Alteration
        {
            Key = "EML4::ALK", Gene = "ALK", Kind = AlterationKind.Fusion, FusionGenes = ["EML4", "ALK"],
            Origin = VariantOrigin.Somatic,
        }, "report-primary", SpecimenRole.Primary),
        new("var-tmb", new Alteration { Key = AlterationKeys.Tmb, Gene = "", Kind = AlterationKind.Tmb, Value = 12.5m }, "report-met", SpecimenRole.Metastasis),
        new("var-msi", new Alteration { Key = AlterationKeys.MsiHigh, Gene = "", Kind = AlterationKind.Msi }, "report-met", SpecimenRole.Metastasis),
    ];

    public static IReadOnlyList<TherapyFindingInput> Therapies() =>
    [
        new("rec-osimertinib", ["osimertinib"], TherapyEffect.Sensitive, EvidenceLevel.Level1, "I-A", ["EGFR T790M"],
            [new Citation(CitationType.Pmid, "27959700", "AURA3"), new Citation(CitationType.Fda, "https://www.accessdata.fda.gov/drugsatfda_docs/label/2020/208065s021lbl.pdf")],
            "EGFR T790M confers sensitivity to osimertinib after first-generation EGFR inhibitors.", ReviewDecision.Accepted),
        new("rec-erlotinib-resistance", ["erlotinib"], TherapyEffect.Resistant, EvidenceLevel.R1, null, ["EGFR T790M"],
            [new Citation(CitationType.Nct, "NCT01802632")], "EGFR T790M confers resistance to erlotinib.", ReviewDecision.Accepted),
        new("rec-erlotinib-ramucirumab", ["erlotinib", "ramucirumab"], TherapyEffect.Sensitive, EvidenceLevel.Level1, null, ["EGFR L858R", "EGFR E746_A750del"],
            [new Citation(CitationType.Url, "https://www.oncokb.org/news", "OncoKB release notes")], null, ReviewDecision.Rejected),
        new("rec-trastuzumab-deruxtecan", ["trastuzumab deruxtecan"], TherapyEffect.Sensitive, EvidenceLevel.Level3B, null, ["ERBB2 amplification"],
            [new Citation(CitationType.Pmid, "34534430")], "ERBB2 amplification; evidence in another indication.", null),
        new("rec-alectinib", ["alectinib"], TherapyEffect.Sensitive, EvidenceLevel.Level1, null, ["EML4::ALK"],
            [new Citation(CitationType.Pmid, "28586279")], null, ReviewDecision.Modified),
        new("rec-pembrolizumab", ["pembrolizumab"], TherapyEffect.Sensitive, EvidenceLevel.Level1, null, [AlterationKeys.Tmb, AlterationKeys.MsiHigh],
            [new Citation(CitationType.Pmid, "32919526")], null, ReviewDecision.Deferred),
    ];

    public static IReadOnlyList<TrialFindingInput> Trials() =>
    [
        new("rec-trial-match-e", "NCI-MATCH", "NCT02465060", "E", "Osimertinib in EGFR T790M", ["osimertinib"], TrialEligibility.Eligible, ["EGFR T790M"]),
        new("rec-trial-lungmap", "Lung-MAP", "NCT03851445", "S1800D", null, ["trastuzumab deruxtecan"], TrialEligibility.Potential, ["ERBB2 amplification"]),
        new("rec-trial-excluded", "NCI-MATCH", "NCT02465060", "A", "Afatinib in EGFR activating mutations", ["afatinib"], TrialEligibility.Ineligible, ["EGFR L858R"]),
    ];

    private static ReportedVariant Snv(string id, string gene, string protein, string coding, decimal vaf, string reportId, SpecimenRole role, AlterationKind kind = AlterationKind.Snv) =>
        new(id, new Alteration
        {
            Key = $"{gene} {protein}",
            Gene = gene,
            Kind = kind,
            Protein = ProteinChangeParser.Parse(protein),
            CodingChange = coding,
            Transcript = "NM_005228.4",
            Vaf = vaf,
            Origin = VariantOrigin.Somatic,
        }, reportId, role);
}
