using TumorBoard.TestSupport.Fhir;

namespace TumorBoard.LoadTest.Scenarios;

/// <summary>
/// The synthetic cohort's case mix: roughly the tumour types and drivers a precision-oncology tumor board
/// sees (lung, breast and colorectal first; common drivers at about their published frequencies), so that a
/// realistic share of patients match trial arms and most match none. Figures are approximate by design:
/// they shape a benchmark, they are not evidence. Each profile pairs a primary biopsy with a later sample.
/// </summary>
public static class ClinicalProfiles
{
    private static readonly TestSite Lung = TestSite.Lung;
    private static readonly TestSite Liver = TestSite.Liver;
    private static readonly TestSite Bone = TestSite.Bone;
    private static readonly TestSite Plasma = TestSite.Plasma;
    private static readonly TestSite Breast = TestSite.Breast;
    private static readonly TestSite Colon = TestSite.Colon;

    public static IReadOnlyList<ClinicalProfile> All { get; } =
    [
        // Lung adenocarcinoma (about a quarter of the cohort).
        new("LUAD EGFR L858R, T790M acquired after erlotinib", 3, "LUAD", "Lung Adenocarcinoma", Lung, Liver,
            [new("erlotinib", 1, 11)], [V("EGFR", "p.Leu858Arg", 0.35m), V("TP53", "p.Arg273His", 0.30m)],
            [V("EGFR", "p.L858R", 0.31m), V("EGFR", "p.Thr790Met", 0.12m), V("TP53", "p.R273H", 0.28m)]),
        new("LUAD EGFR exon 19 deletion, C797S in ctDNA on osimertinib", 1.5, "LUAD", "Lung Adenocarcinoma", Lung, Plasma,
            [new("osimertinib", 1)], [V("EGFR", "p.Glu746_Ala750del", 0.41m)],
            [V("EGFR", "p.E746_A750delELREA", 0.05m), V("EGFR", "p.Cys797Ser", 0.02m)]),
        new("LUAD EGFR exon 19 deletion on osimertinib", 1.5, "LUAD", "Lung Adenocarcinoma", Lung, Bone,
            [new("osimertinib", 1)], [V("EGFR", "p.Glu746_Ala750del", 0.38m)], [V("EGFR", "p.E746_A750del", 0.33m)]),
        new("LUAD EGFR L858R, MET amplification acquired on osimertinib", 1, "LUAD", "Lung Adenocarcinoma", Lung, Liver,
            [new("osimertinib", 1)], [V("EGFR", "p.Leu858Arg", 0.30m)], [V("EGFR", "p.Leu858Arg", 0.27m), Cn("MET", 10)]),
        new("LUAD KRAS G12C with STK11", 4, "LUAD", "Lung Adenocarcinoma", Lung, Sites.Adrenal,
            [new("carboplatin", 1, 5), new("pembrolizumab", 1, 11)],
            [V("KRAS", "p.Gly12Cys", 0.28m), V("STK11", "p.Gln37Ter", 0.40m)], [V("KRAS", "p.G12C", 0.31m), V("STK11", "p.Q37*", 0.42m)]),
        new("LUAD KRAS G12D with TP53", 2.5, "LUAD", "Lung Adenocarcinoma", Lung, Sites.Brain,
            [new("carboplatin", 1, 5)], [V("KRAS", "p.Gly12Asp", 0.25m), V("TP53", "p.Arg248Gln", 0.33m)],
            [V("KRAS", "p.G12D", 0.29m), V("TP53", "p.R248Q", 0.35m)]),
        new("LUAD EML4::ALK, G1202R acquired after alectinib", 1.5, "LUAD", "Lung Adenocarcinoma", Lung, Liver,
            [new("alectinib", 1, 12)], [new TestFusion("EML4", "ALK")], [new TestFusion("EML4", "ALK"), V("ALK", "p.Gly1202Arg", 0.15m)]),
        new("LUAD CD74::ROS1", 0.6, "LUAD", "Lung Adenocarcinoma", Lung, Sites.LymphNode,
            [new("crizotinib", 1)], [new TestFusion("CD74", "ROS1")], [new TestFusion("CD74", "ROS1")]),
        new("LUAD BRAF V600E", 1, "LUAD", "Lung Adenocarcinoma", Lung, Liver,
            [new("carboplatin", 1, 5)], [V("BRAF", "p.Val600Glu", 0.22m)], [V("BRAF", "p.V600E", 0.25m)]),
        new("LUAD MET exon 14 skipping", 1, "LUAD", "Lung Adenocarcinoma", Lung, Bone,
            [new("carboplatin", 1, 5)], [Text("MET", "c.3028+1G>T", "MET exon 14 skipping")], [Text("MET", "c.3028+1G>T", "MET exon 14 skipping")]),
        new("LUAD ERBB2 exon 20 insertion", 0.8, "LUAD", "Lung Adenocarcinoma", Lung, Sites.Brain,
            [new("carboplatin", 1, 5)], [V("ERBB2", "p.Ala775_Gly776insTyrValMetAla", 0.20m)], [V("ERBB2", "p.A775_G776insYVMA", 0.24m)]),
        new("LUAD KIF5B::RET", 0.6, "LUAD", "Lung Adenocarcinoma", Lung, Sites.LymphNode,
            [new("carboplatin", 1, 5)], [new TestFusion("KIF5B", "RET")], [new TestFusion("KIF5B", "RET")]),
        new("LUAD without a driver, after chemo-immunotherapy", 5, "LUAD", "Lung Adenocarcinoma", Lung, Sites.Adrenal,
            [new("carboplatin", 1, 5), new("pemetrexed", 1, 9), new("pembrolizumab", 1, 11)],
            [V("TP53", "p.Arg158Leu", 0.36m), V("KEAP1", "p.Gly333Cys", 0.30m)], [V("TP53", "p.R158L", 0.38m), V("KEAP1", "p.G333C", 0.29m)]),

        // Squamous lung cancer.
        new("LUSC PIK3CA E545K after carboplatin", 1.5, "LUSC", "Lung Squamous Cell Carcinoma", Lung, Liver,
            [new("carboplatin", 1, 5)], [V("PIK3CA", "p.Glu545Lys", 0.25m), V("TP53", "p.Arg175His", 0.40m)],
            [V("PIK3CA", "p.E545K", 0.27m), V("TP53", "p.R175H", 0.41m)]),
        new("LUSC FGFR1 amplification", 1.5, "LUSC", "Lung Squamous Cell Carcinoma", Lung, Bone,
            [new("carboplatin", 1, 5)], [Cn("FGFR1", 8), V("TP53", "p.Arg273Cys", 0.37m)], [Cn("FGFR1", 9), V("TP53", "p.R273C", 0.39m)]),
        new("LUSC CCND1 amplification", 1, "LUSC", "Lung Squamous Cell Carcinoma", Lung, Sites.Adrenal,
            [new("carboplatin", 1, 5)], [Cn("CCND1", 7)], [Cn("CCND1", 8)]),
        new("LUSC CDKN2A loss after chemo-immunotherapy", 3, "LUSC", "Lung Squamous Cell Carcinoma", Lung, Liver,
            [new("carboplatin", 1, 5), new("pembrolizumab", 1, 11)], [Cn("CDKN2A", 0), V("TP53", "p.Tyr220Cys", 0.33m)],
            [Cn("CDKN2A", 0), V("TP53", "p.Y220C", 0.35m)]),

        // Breast cancer.
        new("IDC PIK3CA H1047R, ESR1 D538G acquired on letrozole", 3, "IDC", "Breast Invasive Ductal Carcinoma", Breast, Bone,
            [new("letrozole", 2)], [V("PIK3CA", "p.His1047Arg", 0.28m)], [V("PIK3CA", "p.H1047R", 0.30m), V("ESR1", "p.Asp538Gly", 0.09m)], Markers: Markers.HormoneReceptorPositiveHer2Low),
        new("IDC ESR1 Y537S rising in ctDNA on letrozole and palbociclib", 2, "IDC", "Breast Invasive Ductal Carcinoma", Breast, Plasma,
            [new("letrozole", 2), new("palbociclib", 2)], [V("PIK3CA", "p.Glu545Lys", 0.26m)],
            [V("PIK3CA", "p.E545K", 0.04m), V("ESR1", "p.Tyr537Ser", 0.02m)], Markers: Markers.HormoneReceptorPositiveHer2Low),
        new("IDC ERBB2 amplification", 3, "IDC", "Breast Invasive Ductal Carcinoma", Breast, Liver,
            [new("trastuzumab", 1, 12)], [Cn("ERBB2", 12), V("TP53", "p.Arg248Trp", 0.35m)], [Cn("ERBB2", 14), V("TP53", "p.R248W", 0.37m)], Markers: Markers.Her2Positive),
        new("IDC germline BRCA1", 1.5, "IDC", "Breast Invasive Ductal Carcinoma", Breast, Liver,
            [new("carboplatin", 1, 5)], [V("BRCA1", "p.Glu23ValfsTer17", 0.50m, "germline"), V("TP53", "p.Arg213Ter", 0.45m)],
            [V("BRCA1", "p.E23Vfs*17", 0.52m, "germline"), V("TP53", "p.R213*", 0.47m)], Markers: Markers.HormoneReceptorNegativeHer2Negative),
        new("IDC germline BRCA2", 1, "IDC", "Breast Invasive Ductal Carcinoma", Breast, Bone,
            [new("letrozole", 2)], [V("BRCA2", "p.Ser1982ArgfsTer22", 0.49m, "germline")], [V("BRCA2", "S1982Rfs*22", 0.51m, "germline")], Markers: Markers.HormoneReceptorPositiveHer2Low),
        new("IDC AKT1 E17K", 1, "IDC", "Breast Invasive Ductal Carcinoma", Breast, Liver,
            [new("anastrozole", 2)], [V("AKT1", "p.Glu17Lys", 0.21m)], [V("AKT1", "p.E17K", 0.24m)], Markers: Markers.HormoneReceptorPositiveHer2Low),
        new("IDC without a targetable alteration", 4, "IDC", "Breast Invasive Ductal Carcinoma", Breast, Bone,
            [new("anastrozole", 2)], [V("TP53", "p.Arg282Trp", 0.31m), V("GATA3", "p.Asp336GlyfsTer17", 0.22m)],
            [V("TP53", "p.R282W", 0.33m), V("GATA3", "p.D336Gfs*17", 0.25m)], Markers: Markers.HormoneReceptorPositiveHer2Low),
        new("ILC CDH1 and PIK3CA E542K", 1.5, "ILC", "Breast Invasive Lobular Carcinoma", Breast, Sites.Peritoneum,
            [new("letrozole", 2)], [V("CDH1", "p.Gln23Ter", 0.44m), V("PIK3CA", "p.Glu542Lys", 0.22m)],
            [V("CDH1", "p.Q23*", 0.46m), V("PIK3CA", "p.E542K", 0.23m)], Markers: Markers.HormoneReceptorPositiveHer2Low),

        // Colorectal cancer.
        new("COAD KRAS G12D with APC and TP53", 4, "COAD", "Colon Adenocarcinoma", Colon, Liver,
            [new("oxaliplatin", 1, 6)], [V("KRAS", "p.Gly12Asp", 0.30m), V("APC", "p.Arg1450Ter", 0.40m), V("TP53", "p.Arg175His", 0.35m)],
            [V("KRAS", "p.G12D", 0.32m), V("APC", "p.R1450*", 0.41m), V("TP53", "p.R175H", 0.36m)]),
        new("COAD KRAS G13D with APC", 1.5, "COAD", "Colon Adenocarcinoma", Colon, Liver,
            [new("oxaliplatin", 1, 6)], [V("KRAS", "p.Gly13Asp", 0.27m), V("APC", "p.Glu1309AspfsTer4", 0.38m)],
            [V("KRAS", "p.G13D", 0.29m), V("APC", "p.E1309Dfs*4", 0.39m)]),
        new("COAD BRAF V600E", 1.5, "COAD", "Colon Adenocarcinoma", Colon, Sites.Peritoneum,
            [new("oxaliplatin", 1, 6)], [V("BRAF", "p.Val600Glu", 0.33m)], [V("BRAF", "p.V600E", 0.35m)]),
        new("COAD NRAS Q61K", 1, "COAD", "Colon Adenocarcinoma", Colon, Liver,
            [new("oxaliplatin", 1, 6)], [V("NRAS", "p.Gln61Lys", 0.29m), V("APC", "p.Arg876Ter", 0.37m)],
            [V("NRAS", "p.Q61K", 0.30m), V("APC", "p.R876*", 0.36m)]),
        new("COAD MSI-H, high TMB", 1.5, "COAD", "Colon Adenocarcinoma", Colon, Liver,
            [], [new TestMsi(true), new TestTmb(45), V("ARID1A", "p.Gln586Ter", 0.30m)], [new TestMsi(true), new TestTmb(48), V("ARID1A", "p.Q586*", 0.31m)]),
        new("COAD RAS wild type, KRAS G12D acquired after cetuximab", 2, "COAD", "Colon Adenocarcinoma", Colon, Liver,
            [new("cetuximab", 1, 11)], [V("APC", "p.Arg1450Ter", 0.40m), V("TP53", "p.Arg175His", 0.33m)],
            [V("APC", "p.R1450*", 0.38m), V("KRAS", "p.Gly12Asp", 0.22m)]),
        new("READ ERBB2 amplification", 0.8, "READ", "Rectal Adenocarcinoma", Sites.Rectum, Liver,
            [new("oxaliplatin", 1, 6)], [Cn("ERBB2", 10)], [Cn("ERBB2", 11)]),

        // Prostate and pancreas.
        new("PRAD BRCA2 after enzalutamide", 2, "PRAD", "Prostate Adenocarcinoma", Sites.Prostate, Bone,
            [new("enzalutamide", 2, 12)], [V("BRCA2", "p.Lys3326Ter", 0.35m)], [V("BRCA2", "p.K3326*", 0.38m)], "male"),
        new("PRAD PTEN deletion", 2, "PRAD", "Prostate Adenocarcinoma", Sites.Prostate, Sites.LymphNode,
            [new("enzalutamide", 2)], [Cn("PTEN", 0), V("TP53", "p.Arg248Gln", 0.30m)], [Cn("PTEN", 0), V("TP53", "p.R248Q", 0.32m)], "male"),
        new("PRAD TMPRSS2::ERG", 2, "PRAD", "Prostate Adenocarcinoma", Sites.Prostate, Bone,
            [new("enzalutamide", 2)], [new TestFusion("TMPRSS2", "ERG")], [new TestFusion("TMPRSS2", "ERG"), V("AR", "p.Thr878Ala", 0.12m)], "male"),
        new("PAAD KRAS G12D with CDKN2A loss", 4, "PAAD", "Pancreatic Adenocarcinoma", Sites.Pancreas, Liver,
            [new("gemcitabine", 1, 6)], [V("KRAS", "p.Gly12Asp", 0.24m), Cn("CDKN2A", 0), V("TP53", "p.Arg273His", 0.28m)],
            [V("KRAS", "p.G12D", 0.27m), Cn("CDKN2A", 0), V("TP53", "p.R273H", 0.30m)]),
        new("PAAD germline BRCA2 with KRAS G12V", 1, "PAAD", "Pancreatic Adenocarcinoma", Sites.Pancreas, Sites.Peritoneum,
            [new("oxaliplatin", 1, 6)], [V("BRCA2", "p.Ser1982ArgfsTer22", 0.50m, "germline"), V("KRAS", "p.Gly12Val", 0.22m)],
            [V("BRCA2", "p.S1982Rfs*22", 0.49m, "germline"), V("KRAS", "p.G12V", 0.25m)]),

        // Melanoma.
        new("SKCM BRAF V600E", 2.5, "SKCM", "Cutaneous Melanoma", Sites.Skin, Sites.LymphNode,
            [new("dabrafenib", 1, 10), new("trametinib", 1, 10)], [V("BRAF", "p.Val600Glu", 0.40m)], [V("BRAF", "p.V600E", 0.42m)]),
        new("SKCM NRAS Q61R", 1.5, "SKCM", "Cutaneous Melanoma", Sites.Skin, Liver,
            [new("pembrolizumab", 1, 10)], [V("NRAS", "p.Gln61Arg", 0.36m)], [V("NRAS", "p.Q61R", 0.38m)]),
        new("ACRM KIT L576P", 0.5, "ACRM", "Acral Melanoma", Sites.Skin, Sites.LymphNode,
            [new("pembrolizumab", 1, 10)], [V("KIT", "p.Leu576Pro", 0.30m)], [V("KIT", "p.L576P", 0.31m)]),
        new("SKCM NF1 loss of function", 0.5, "SKCM", "Cutaneous Melanoma", Sites.Skin, Lung,
            [new("pembrolizumab", 1, 10)], [V("NF1", "p.Arg1276Ter", 0.41m)], [V("NF1", "p.R1276*", 0.43m)]),

        // Other solid tumours.
        new("HGSOC germline BRCA1", 2, "HGSOC", "High-Grade Serous Ovarian Cancer", Sites.Ovary, Sites.Peritoneum,
            [new("carboplatin", 1, 6)], [V("BRCA1", "p.Gln1756ProfsTer74", 0.55m, "germline"), V("TP53", "p.Arg248Gln", 0.70m)],
            [V("BRCA1", "p.Q1756Pfs*74", 0.56m, "germline"), V("TP53", "p.R248Q", 0.72m)], "female"),
        new("HGSOC TP53 only", 2, "HGSOC", "High-Grade Serous Ovarian Cancer", Sites.Ovary, Sites.Peritoneum,
            [new("carboplatin", 1, 6)], [V("TP53", "p.Tyr220Cys", 0.65m)], [V("TP53", "p.Y220C", 0.66m)], "female"),
        new("BLCA FGFR3 S249C", 1.5, "BLCA", "Bladder Urothelial Carcinoma", Sites.Bladder, Sites.LymphNode,
            [new("cisplatin", 1, 5)], [V("FGFR3", "p.Ser249Cys", 0.31m)], [V("FGFR3", "p.S249C", 0.33m)]),
        new("BLCA high TMB", 1.5, "BLCA", "Bladder Urothelial Carcinoma", Sites.Bladder, Lung,
            [new("cisplatin", 1, 5)], [new TestTmb(15), V("TP53", "p.Glu285Lys", 0.30m)], [new TestTmb(17), V("TP53", "p.E285K", 0.31m)]),
        new("GIST KIT exon 11, V654A acquired on imatinib", 1, "GIST", "Gastrointestinal Stromal Tumor", Sites.Stomach, Liver,
            [new("imatinib", 1)], [V("KIT", "p.Trp557_Lys558del", 0.45m)], [V("KIT", "p.W557_K558del", 0.43m), V("KIT", "p.Val654Ala", 0.14m)]),
        new("IHCH IDH1 R132C", 1, "IHCH", "Intrahepatic Cholangiocarcinoma", Liver, Lung,
            [new("gemcitabine", 1, 6)], [V("IDH1", "p.Arg132Cys", 0.30m)], [V("IDH1", "p.R132C", 0.32m)]),
        new("IHCH FGFR2::BICC1", 0.7, "IHCH", "Intrahepatic Cholangiocarcinoma", Liver, Sites.Peritoneum,
            [new("gemcitabine", 1, 6)], [new TestFusion("FGFR2", "BICC1")], [new TestFusion("FGFR2", "BICC1")]),
        new("THPA BRAF V600E", 1, "THPA", "Papillary Thyroid Cancer", Sites.Thyroid, Sites.LymphNode,
            [], [V("BRAF", "p.Val600Glu", 0.25m)], [V("BRAF", "p.V600E", 0.27m)]),
        new("UEC MSI-H with PTEN and PIK3CA", 1.5, "UEC", "Uterine Endometrioid Carcinoma", Sites.Endometrium, Sites.Peritoneum,
            [new("carboplatin", 1, 6)], [new TestMsi(true), V("PTEN", "p.Arg130Gly", 0.35m), V("PIK3CA", "p.His1047Leu", 0.20m)],
            [new TestMsi(true), V("PTEN", "p.R130G", 0.37m), V("PIK3CA", "p.H1047L", 0.22m)], "female"),
        new("CCRCC VHL and PBRM1", 1, "CCRCC", "Renal Clear Cell Carcinoma", Sites.Kidney, Lung,
            [new("sunitinib", 1, 10)], [V("VHL", "p.Ser65Leu", 0.40m), V("PBRM1", "p.Gln1298Ter", 0.35m)],
            [V("VHL", "p.S65L", 0.41m), V("PBRM1", "p.Q1298*", 0.36m)]),
        new("STAD ERBB2 amplification", 1, "STAD", "Stomach Adenocarcinoma", Sites.Stomach, Liver,
            [new("trastuzumab", 1, 10)], [Cn("ERBB2", 9)], [Cn("ERBB2", 10)]),
    ];

    /// <summary>Passenger mutations no rule or arm reads, added at random so patients are not copies of each other.</summary>
    public static IReadOnlyList<TestVariant> Passengers { get; } =
    [
        V("KMT2D", "p.Arg5432Trp", 0.18m), V("LRP1B", "p.Arg1234His", 0.21m), V("FAT1", "p.Glu3074Ter", 0.16m),
        V("ZFHX3", "p.Ala1234Val", 0.12m), V("SPTA1", "p.Arg1567Gln", 0.25m), V("CSMD3", "p.Gly987Asp", 0.19m),
        V("RYR2", "p.Ser2246Leu", 0.14m), V("NOTCH1", "p.Pro2514Leu", 0.22m), V("ATRX", "p.Arg781Ter", 0.31m),
        V("SETD2", "p.Arg1625Cys", 0.17m), V("KMT2C", "p.Cys988Phe", 0.23m), V("ARID2", "p.Gln1611Ter", 0.20m),
    ];

    private static TestVariant V(string gene, string protein, decimal vaf, string origin = "somatic") => new(gene, protein, null, vaf, origin);

    private static TestVariant Text(string gene, string coding, string text) => new(gene, null, coding, 0.30m, Text: text);

    private static TestCopyNumber Cn(string gene, decimal copies) => new(gene, copies);
}
