using TumorBoard.TestSupport.Fhir;

namespace TumorBoard.Api.Tests.Infrastructure;

/// <summary>Clinical scenarios as FHIR bundles, built from the facts of the issues (not copied from shared examples).</summary>
public static class Cases
{
    public const string OncoTree = "http://oncotree.mskcc.org";
    public static readonly DateTimeOffset Diagnosis = new(2023, 1, 10, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Relapse = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static GenomicBundleBuilder Patient(string mrn, string oncotreeCode, string name, TestSite primarySite) =>
        new GenomicBundleBuilder("urn:test:mrn", mrn)
            .PrimaryCancer(OncoTree, oncotreeCode, name, primarySite);

    /// <summary>EGFR L858R lung adenocarcinoma; after erlotinib the liver metastasis acquired T790M (spelt differently by the second lab).</summary>
    public static string LungT790MAfterErlotinib(string mrn = "MRN-T790M") =>
        Patient(mrn, "LUAD", "Lung Adenocarcinoma", TestSite.Lung)
            .Metastasis(TestSite.Liver)
            .Therapy("erlotinib 150 mg", Diagnosis.AddMonths(1), Relapse.AddMonths(-2))
            .Report(new TestReport("ACC-LUNG-1", TestSite.Lung, Diagnosis,
                [new TestVariant("EGFR", "NP_005219.2:p.Leu858Arg", "NM_005228.4:c.2573T>G", 0.35m)]))
            .Report(new TestReport("ACC-LIVER-1", TestSite.Liver, Relapse,
                [new TestVariant("EGFR", "p.L858R", "c.2573T>G", 0.31m), new TestVariant("EGFR", "p.Thr790Met", "c.2369C>T", 0.12m)]))
            .ToJson();

    /// <summary>HR+ breast cancer with PIK3CA H1047R; under letrozole the bone metastasis acquired ESR1 D538G.</summary>
    public static string BreastEsr1UnderLetrozole(string mrn = "MRN-ESR1") =>
        Patient(mrn, "IDC", "Breast Invasive Ductal Carcinoma", TestSite.Breast)
            .Metastasis(TestSite.Bone)
            .Therapy("letrozole", Diagnosis.AddMonths(2))
            .Report(new TestReport("ACC-BREAST-1", TestSite.Breast, Diagnosis,
                [new TestVariant("PIK3CA", "p.His1047Arg", null, 0.28m)]))
            .Report(new TestReport("ACC-BONE-1", TestSite.Bone, Relapse,
                [new TestVariant("PIK3CA", "p.H1047R", null, 0.30m), new TestVariant("ESR1", "p.Asp538Gly", null, 0.09m)]))
            .ToJson();

    /// <summary>EML4::ALK NSCLC; after alectinib the liver metastasis acquired ALK G1202R.</summary>
    public static string LungAlkG1202RAfterAlectinib(string mrn = "MRN-ALK") =>
        Patient(mrn, "LUAD", "Lung Adenocarcinoma", TestSite.Lung)
            .Metastasis(TestSite.Liver)
            .Therapy("alectinib", Diagnosis.AddMonths(1), Relapse.AddMonths(-1))
            .Report(new TestReport("ACC-ALK-1", TestSite.Lung, Diagnosis, [new TestFusion("EML4", "ALK")]))
            .Report(new TestReport("ACC-ALK-2", TestSite.Liver, Relapse,
                [new TestFusion("ALK", "EML4"), new TestVariant("ALK", "p.Gly1202Arg", null, 0.15m)]))
            .ToJson();

    /// <summary>Colorectal primary with APC and TP53; the liver metastasis lost TP53 and acquired KRAS G12D (after cetuximab).</summary>
    public static string ColorectalLostAndAcquired(string mrn = "MRN-CRC") =>
        Patient(mrn, "COAD", "Colon Adenocarcinoma", TestSite.Colon)
            .Metastasis(TestSite.Liver)
            .Therapy("cetuximab", Diagnosis.AddMonths(1), Relapse.AddMonths(-1))
            .Report(new TestReport("ACC-CRC-1", TestSite.Colon, Diagnosis,
                [new TestVariant("APC", "p.Arg1450Ter", null, 0.40m), new TestVariant("TP53", "p.Arg175His", null, 0.33m)]))
            .Report(new TestReport("ACC-CRC-2", TestSite.Liver, Relapse,
                [new TestVariant("APC", "p.R1450*", null, 0.38m), new TestVariant("KRAS", "p.Gly12Asp", null, 0.22m)]))
            .ToJson();

    /// <summary>Lung primary then a plasma ctDNA sample (no metastasis biopsy) that shows T790M.</summary>
    public static string LungCtdna(string mrn = "MRN-CTDNA") =>
        Patient(mrn, "LUAD", "Lung Adenocarcinoma", TestSite.Lung)
            .Therapy("gefitinib", Diagnosis.AddMonths(1), Relapse.AddMonths(-1))
            .Report(new TestReport("ACC-CT-1", TestSite.Lung, Diagnosis,
                [new TestVariant("EGFR", "p.Glu746_Ala750del", null, 0.41m)]))
            .Report(new TestReport("ACC-CT-2", TestSite.Plasma, Relapse,
                [new TestVariant("EGFR", "p.E746_A750delELREA", null, 0.05m), new TestVariant("EGFR", "p.T790M", null, 0.02m)]))
            .ToJson();

    /// <summary>Breast primary with a BRCA2 variant at VAF ~0.5 in both samples, not labelled somatic (germline suspect).</summary>
    public static string BreastGermlineSuspect(string mrn = "MRN-GERM") =>
        Patient(mrn, "IDC", "Breast Invasive Ductal Carcinoma", TestSite.Breast)
            .Metastasis(TestSite.Liver)
            .Report(new TestReport("ACC-GS-1", TestSite.Breast, Diagnosis,
                [new TestVariant("BRCA2", "p.Ser1982ArgfsTer22", null, 0.49m, Origin: "unknown"), new TestVariant("TP53", "p.Arg248Gln", null, 0.31m)]))
            .Report(new TestReport("ACC-GS-2", TestSite.Liver, Relapse,
                [new TestVariant("BRCA2", "S1982Rfs*22", null, 0.51m, Origin: "unknown"), new TestVariant("TP53", "p.R248Q", null, 0.35m)]))
            .ToJson();

    /// <summary>One lung report, with a chosen accession and status, for idempotency and amendment tests.</summary>
    public static string SingleLungReport(string mrn, string accession, string status = "final", string protein = "p.Leu858Arg", decimal vaf = 0.3m) =>
        Patient(mrn, "LUAD", "Lung Adenocarcinoma", TestSite.Lung)
            .Report(new TestReport(accession, TestSite.Lung, Diagnosis, [new TestVariant("EGFR", protein, null, vaf)], status))
            .ToJson();

    /// <summary>The primary panel did not cover MET; the metastasis found MET amplification: not tested, not acquired.</summary>
    public static string LungPanelWithoutMet(string mrn = "MRN-PANEL") =>
        Patient(mrn, "LUAD", "Lung Adenocarcinoma", TestSite.Lung)
            .Metastasis(TestSite.Liver)
            .Report(new TestReport("ACC-PANEL-1", TestSite.Lung, Diagnosis,
                [new TestPanel(["EGFR", "KRAS", "ALK", "BRAF"]), new TestVariant("EGFR", "p.Leu858Arg", null, 0.30m)]))
            .Report(new TestReport("ACC-PANEL-2", TestSite.Liver, Relapse,
                [new TestVariant("EGFR", "p.Leu858Arg", null, 0.28m), new TestCopyNumber("MET", 9m)]))
            .ToJson();

    /// <summary>Squamous NSCLC with PIK3CA E545K after carboplatin: Lung-MAP S1400B, not an NCI-MATCH PI3K arm.</summary>
    public static string SquamousLungPik3ca(string mrn = "MRN-LUSC") =>
        Patient(mrn, "LUSC", "Lung Squamous Cell Carcinoma", TestSite.Lung)
            .Therapy("carboplatin", Diagnosis.AddMonths(1), Diagnosis.AddMonths(5))
            .Report(new TestReport("ACC-LUSC-1", TestSite.Lung, Diagnosis, [new TestVariant("PIK3CA", "p.Glu545Lys", null, 0.25m)]))
            .ToJson();

    /// <summary>AKT1 E17K breast cancer that progressed (mCODE disease status worse): NCI-MATCH Y, progression read from FHIR.</summary>
    public static string BreastAkt1Progressed(string mrn = "MRN-AKT1") =>
        Patient(mrn, "IDC", "Invasive Ductal Carcinoma", TestSite.Breast)
            .Therapy("paclitaxel", Diagnosis.AddMonths(1), Diagnosis.AddMonths(5))
            .DiseaseStatus("271299001", "Patient's condition worse", Relapse)
            .Report(new TestReport("ACC-AKT1-1", TestSite.Breast, Diagnosis, [new TestVariant("AKT1", "p.Glu17Lys", null, 0.31m)]))
            .ToJson();
}
