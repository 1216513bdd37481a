using TumorBoard.Core.Alterations;
using TumorBoard.Core.Patients;
using TumorBoard.Core.Trials;
using TumorBoard.Core.Trials.Evaluation;
using static TumorBoard.KnowledgeBase.Tests.Trials.TrialPatientBuilder;

namespace TumorBoard.KnowledgeBase.Tests.Trials;

/// <summary>
/// One matching patient per shipped arm and the status it must get: eligible when every criterion can be
/// confirmed from the record, potential when the arm keeps a protocol check the record cannot answer.
/// </summary>
public static class ArmGoldenCases
{
    public static readonly IReadOnlyDictionary<string, (string Trial, string Arm, Func<TrialPatientBuilder> Patient, EligibilityStatus Expected)> Cases =
        new Dictionary<string, (string, string, Func<TrialPatientBuilder>, EligibilityStatus)>
        {
            ["MATCH A: EGFR exon 19 deletion in glioblastoma"] = ("NCI-MATCH", "A", () => Tumor("GB").Mutation("EGFR", "E746_A750del"), EligibilityStatus.Potential),
            ["MATCH A: EGFR G719S"] = ("NCI-MATCH", "A", () => Tumor("GB").Mutation("EGFR", "G719S"), EligibilityStatus.Potential),
            ["MATCH B: ERBB2 exon 20 insertion in bladder cancer"] = ("NCI-MATCH", "B", () => Tumor("BLCA").Mutation("ERBB2", "A775_G776insYVMA"), EligibilityStatus.Potential),
            ["MATCH C1: MET amplification in gastric cancer"] = ("NCI-MATCH", "C1", () => Tumor("STAD").Amplification("MET", 12), EligibilityStatus.Potential),
            ["MATCH C2: MET c.3028+1G>T in renal cancer"] = ("NCI-MATCH", "C2", () => Tumor("PRCC").MetSplice(), EligibilityStatus.Potential),
            ["MATCH E: EGFR T790M"] = ("NCI-MATCH", "E", () => Tumor("GB").Mutation("EGFR", "T790M"), EligibilityStatus.Potential),
            ["MATCH F: EML4::ALK in thyroid cancer"] = ("NCI-MATCH", "F", () => Tumor("THPA").Fusion("EML4", "ALK"), EligibilityStatus.Potential),
            ["MATCH G: CD74::ROS1"] = ("NCI-MATCH", "G", () => Tumor("CHOL").Fusion("CD74", "ROS1"), EligibilityStatus.Potential),
            ["MATCH H: BRAF V600E cholangiocarcinoma"] = ("NCI-MATCH", "H", () => Tumor("CHOL").Mutation("BRAF", "V600E"), EligibilityStatus.Potential),
            ["MATCH J: ERBB2 amplified bladder cancer, HER2-naive (cardiac checks remain)"] = ("NCI-MATCH", "J", () => Tumor("BLCA").Amplification("ERBB2", 20).Had("gemcitabine", "cisplatin").CompleteHistory(), EligibilityStatus.Potential),
            ["MATCH K1: FGFR1 amplification in breast cancer"] = ("NCI-MATCH", "K1", () => Tumor("IDC").Amplification("FGFR1", 9), EligibilityStatus.Eligible),
            ["MATCH N: PTEN R130* with PTEN expressed"] = ("NCI-MATCH", "N", () => Tumor("UCEC").Mutation("PTEN", "R130*").Marker(ClinicalMarker.Pten, MarkerStatus.Positive), EligibilityStatus.Eligible),
            ["MATCH P: PTEN loss by IHC"] = ("NCI-MATCH", "P", () => Tumor("PRAD").Mutation("TP53", "R175H").Marker(ClinicalMarker.Pten, MarkerStatus.Negative), EligibilityStatus.Potential),
            ["MATCH Q: ERBB2 amplified parotid cancer"] = ("NCI-MATCH", "Q", () => Tumor("MUCC").Amplification("ERBB2", 17).CompleteHistory(), EligibilityStatus.Eligible),
            ["MATCH R: BRAF G469A"] = ("NCI-MATCH", "R", () => Tumor("IDC").Mutation("BRAF", "G469A"), EligibilityStatus.Potential),
            ["MATCH S1: NF1 truncating in glioblastoma"] = ("NCI-MATCH", "S1", () => Tumor("GB").Mutation("NF1", "R1362*").CompleteHistory(), EligibilityStatus.Eligible),
            ["MATCH S2: GNA11 Q209L"] = ("NCI-MATCH", "S2", () => Tumor("SKCM").Mutation("GNA11", "Q209L"), EligibilityStatus.Potential),
            ["MATCH T: PTCH1 truncating"] = ("NCI-MATCH", "T", () => Tumor("MBL").Mutation("PTCH1", "Q853*"), EligibilityStatus.Potential),
            ["MATCH U: NF2 truncating in mesothelioma"] = ("NCI-MATCH", "U", () => Tumor("PLMESO").Mutation("NF2", "R57*"), EligibilityStatus.Potential),
            ["MATCH V: KIT exon 11 deletion"] = ("NCI-MATCH", "V", () => Tumor("SKCM").Mutation("KIT", "W557_K558del"), EligibilityStatus.Potential),
            ["MATCH W: FGFR3::TACC3"] = ("NCI-MATCH", "W", () => Tumor("CESC").Fusion("FGFR3", "TACC3"), EligibilityStatus.Potential),
            ["MATCH X: DDR2 S768R in squamous NSCLC"] = ("NCI-MATCH", "X", () => Tumor("LUSC").Mutation("DDR2", "S768R"), EligibilityStatus.Potential),
            ["MATCH Y: AKT1 E17K breast cancer that progressed"] = ("NCI-MATCH", "Y", () => Tumor("IDC").Mutation("AKT1", "E17K").Fact(ClinicalFact.Progression, true), EligibilityStatus.Eligible),
            ["MATCH Z1A: NRAS Q61K colorectal cancer"] = ("NCI-MATCH", "Z1A", () => Tumor("COAD").Mutation("NRAS", "Q61K"), EligibilityStatus.Eligible),
            ["MATCH Z1B: CCND1 amplified oesophageal SCC with Rb, CDK4/6-naive"] = ("NCI-MATCH", "Z1B", () => Tumor("ESCC").Amplification("CCND1", 11).Marker(ClinicalMarker.Rb, MarkerStatus.Positive).CompleteHistory(), EligibilityStatus.Eligible),
            ["MATCH Z1C: CDK4 amplified liposarcoma"] = ("NCI-MATCH", "Z1C", () => Tumor("DDLS").Amplification("CDK4", 30), EligibilityStatus.Potential),
            ["MATCH Z1D: MLH1 loss endometrial cancer, checkpoint-naive"] = ("NCI-MATCH", "Z1D", () => Tumor("UEC").Marker(ClinicalMarker.Mlh1, MarkerStatus.Negative).CompleteHistory(), EligibilityStatus.Potential),
            ["MATCH Z1F: PIK3CA H1047R cervical cancer"] = ("NCI-MATCH", "Z1F", () => Tumor("CESC").Mutation("PIK3CA", "H1047R"), EligibilityStatus.Eligible),
            ["MATCH Z1G: PTEN loss by IHC"] = ("NCI-MATCH", "Z1G", () => Tumor("PRAD").Marker(ClinicalMarker.Pten, MarkerStatus.Negative), EligibilityStatus.Potential),
            ["MATCH Z1H: PTEN frameshift with PTEN expressed"] = ("NCI-MATCH", "Z1H", () => Tumor("UCEC").Mutation("PTEN", "K267Rfs*9").Marker(ClinicalMarker.Pten, MarkerStatus.Positive), EligibilityStatus.Eligible),
            ["MATCH I: PIK3CA E545K without RAS or PTEN change"] = ("NCI-MATCH", "I", () => Tumor("CESC").Mutation("PIK3CA", "E545K").Marker(ClinicalMarker.Pten, MarkerStatus.Positive), EligibilityStatus.Potential),
            ["MATCH K2: FGFR2::BICC1 cholangiocarcinoma"] = ("NCI-MATCH", "K2", () => Tumor("CHOL").Fusion("FGFR2", "BICC1"), EligibilityStatus.Potential),
            ["MATCH L: MTOR S2215Y"] = ("NCI-MATCH", "L", () => Tumor("CCRCC").Mutation("MTOR", "S2215Y"), EligibilityStatus.Potential),
            ["MATCH M: TSC1 truncating bladder cancer"] = ("NCI-MATCH", "M", () => Tumor("BLCA").Mutation("TSC1", "R509*"), EligibilityStatus.Potential),
            ["MATCH Z1E: ETV6::NTRK3 salivary carcinoma"] = ("NCI-MATCH", "Z1E", () => Tumor("SDCA").Fusion("ETV6", "NTRK3"), EligibilityStatus.Potential),
            ["MATCH Z1I: BRCA2 R3128* ovarian cancer"] = ("NCI-MATCH", "Z1I", () => Tumor("HGSOC").Mutation("BRCA2", "R3128*"), EligibilityStatus.Potential),
            ["MATCH Z1K: AKT1 E17K endometrial cancer"] = ("NCI-MATCH", "Z1K", () => Tumor("UEC").Mutation("AKT1", "E17K"), EligibilityStatus.Potential),
            ["MATCH Z1L: BRAF G469A"] = ("NCI-MATCH", "Z1L", () => Tumor("LUAD").Mutation("BRAF", "G469A"), EligibilityStatus.Potential),
            ["MATCH Z1M: LAG-3 expressed"] = ("NCI-MATCH", "Z1M", () => Tumor("HNSC").Marker(ClinicalMarker.Lag3, MarkerStatus.Positive), EligibilityStatus.Potential),
            ["Lung-MAP S1400G: BRCA2 truncating squamous NSCLC"] = ("Lung-MAP", "S1400G", () => Tumor("LUSC").Mutation("BRCA2", "S1982Rfs*22"), EligibilityStatus.Potential),
            ["Lung-MAP S1400I: immunotherapy-naive squamous NSCLC after platinum"] = ("Lung-MAP", "S1400I", () => Tumor("LUSC").Had("carboplatin", "paclitaxel").CompleteHistory(), EligibilityStatus.Eligible),
            ["Lung-MAP S1800D: one line of pembrolizumab, no driver"] = ("Lung-MAP", "S1800D", () => Tumor("LUAD").Mutation("TP53", "R273H").Had("pembrolizumab").CompleteHistory().RulesEvaluated(), EligibilityStatus.Potential),
            ["Lung-MAP S1900A: BRCA1 truncating adenocarcinoma, PARP-naive"] = ("Lung-MAP", "S1900A", () => Tumor("LUAD").Mutation("BRCA1", "Q1756Pfs*74").CompleteHistory(), EligibilityStatus.Potential),
            ["Lung-MAP S1900B: KIF5B::RET after carboplatin"] = ("Lung-MAP", "S1900B", () => Tumor("LUAD").Fusion("KIF5B", "RET").Had("carboplatin", "pemetrexed").RulesEvaluated(), EligibilityStatus.Potential),
            ["Lung-MAP S1900F: RET fusion that progressed"] = ("Lung-MAP", "S1900F", () => Tumor("LUAD").Fusion("KIF5B", "RET").Fact(ClinicalFact.Progression, true), EligibilityStatus.Potential),
            ["Lung-MAP S1900G: EGFR L858R with MET amplification"] = ("Lung-MAP", "S1900G", () => Tumor("LUAD").Mutation("EGFR", "L858R").Amplification("MET", 10), EligibilityStatus.Potential),
            ["Lung-MAP S1900K: MET exon 14 skipping, MET- and VEGF-naive"] = ("Lung-MAP", "S1900K", () => Tumor("LUAD").MetSplice().CompleteHistory(), EligibilityStatus.Eligible),
            ["SAFIR02-Breast alpelisib: PIK3CA H1047R, HER2-negative"] = ("SAFIR02-Breast", "alpelisib", () => Tumor("IDC").Mutation("PIK3CA", "H1047R").Marker(ClinicalMarker.Her2, MarkerStatus.Negative).Fact(ClinicalFact.Progression, false), EligibilityStatus.Potential),
            ["DARWIN2 vemurafenib: BRAF V600E adenocarcinoma"] = ("DARWIN2", "vemurafenib", () => Tumor("LUAD").Mutation("BRAF", "V600E"), EligibilityStatus.Potential),
            ["DARWIN2 alectinib: KIF5B::RET adenocarcinoma"] = ("DARWIN2", "alectinib", () => Tumor("LUAD").Fusion("KIF5B", "RET"), EligibilityStatus.Potential),
            ["DARWIN2 T-DM1: ERBB2 amplified adenocarcinoma"] = ("DARWIN2", "trastuzumab-emtansine", () => Tumor("LUAD").Amplification("ERBB2", 12), EligibilityStatus.Potential),
            ["DARWIN2 atezolizumab: no actionable mutation"] = ("DARWIN2", "atezolizumab", () => Tumor("LUAD").Mutation("TP53", "R273H").RulesEvaluated(), EligibilityStatus.Potential),
            ["DARWIN1 afatinib: EGFR L858R adenocarcinoma"] = ("DARWIN1", "afatinib", () => Tumor("LUAD").Mutation("EGFR", "L858R"), EligibilityStatus.Potential),
            ["Matrix A: FGFR3 S249C squamous NSCLC"] = ("NLMT", "A", () => Tumor("LUSC").Mutation("FGFR3", "S249C"), EligibilityStatus.Potential),
            ["Matrix B1: TSC1 truncating adenocarcinoma"] = ("NLMT", "B1", () => Tumor("LUAD").Mutation("TSC1", "R509*"), EligibilityStatus.Potential),
            ["Matrix B2S: STK11 truncating without KRAS"] = ("NLMT", "B2S", () => Tumor("LUAD").Mutation("STK11", "Q37*"), EligibilityStatus.Potential),
            ["Matrix B2D: KRAS G12C with STK11 loss"] = ("NLMT", "B2D", () => Tumor("LUAD").Mutation("KRAS", "G12C").Mutation("STK11", "Q37*"), EligibilityStatus.Potential),
            ["Matrix C1: CDKN2A deletion squamous NSCLC"] = ("NLMT", "C1", () => Tumor("LUSC").DeepDeletion("CDKN2A"), EligibilityStatus.Potential),
            ["Matrix C2: CDKN2A deletion adenocarcinoma"] = ("NLMT", "C2", () => Tumor("LUAD").DeepDeletion("CDKN2A"), EligibilityStatus.Potential),
            ["Matrix C3: CDK4 amplification"] = ("NLMT", "C3", () => Tumor("LUAD").Amplification("CDK4", 15), EligibilityStatus.Potential),
            ["Matrix NA1: no actionable change"] = ("NLMT", "NA1", () => Tumor("LUAD").Mutation("TP53", "R273H"), EligibilityStatus.Potential),
            ["Lung-MAP S1400B: PIK3CA E545K squamous NSCLC after carboplatin"] = ("Lung-MAP", "S1400B", () => Tumor("LUSC").Mutation("PIK3CA", "E545K").Had("carboplatin", "paclitaxel"), EligibilityStatus.Eligible),
            ["Lung-MAP S1400C: CCND1 amplification squamous NSCLC"] = ("Lung-MAP", "S1400C", () => Tumor("LUSC").Amplification("CCND1").Had("cisplatin", "gemcitabine"), EligibilityStatus.Eligible),
            ["Lung-MAP S1400D: FGFR1 amplification squamous NSCLC"] = ("Lung-MAP", "S1400D", () => Tumor("LUSC").Amplification("FGFR1").Had("carboplatin"), EligibilityStatus.Potential),
            ["Lung-MAP S1400E: c-MET IHC positive squamous NSCLC"] = ("Lung-MAP", "S1400E", () => Tumor("LUSC").Marker(ClinicalMarker.Met, MarkerStatus.Positive), EligibilityStatus.Eligible),
            ["Lung-MAP S1400A: immunotherapy-naive squamous NSCLC without biomarker"] = ("Lung-MAP", "S1400A", () => Tumor("LUSC").Mutation("TP53", "R273H").Had("carboplatin").CompleteHistory(), EligibilityStatus.Eligible),
            ["Lung-MAP S1400F: squamous NSCLC after pembrolizumab"] = ("Lung-MAP", "S1400F", () => Tumor("LUSC").Had("pembrolizumab"), EligibilityStatus.Eligible),
            ["Lung-MAP S1800A: adenocarcinoma after pembrolizumab, no driver"] = ("Lung-MAP", "S1800A", () => Tumor("LUAD").Mutation("KRAS", "G12D").Had("pembrolizumab").RulesEvaluated(), EligibilityStatus.Eligible),
            ["SAFIR02-Breast olaparib: germline BRCA2 truncating, HER2-negative, no progression"] = ("SAFIR02-Breast", "olaparib", () => Tumor("IDC").Mutation("BRCA2", "S1982Rfs*22", VariantOrigin.Germline).Marker(ClinicalMarker.Her2, MarkerStatus.Negative).Fact(ClinicalFact.Progression, false), EligibilityStatus.Potential),
            ["SAFIR02-Lung durvalumab: NSCLC after platinum without progression or targetable alteration"] = ("SAFIR02-Lung", "durvalumab", () => Tumor("LUAD").Mutation("TP53", "R273H").Had("carboplatin", "pemetrexed").Fact(ClinicalFact.Progression, false).RulesEvaluated(), EligibilityStatus.Eligible),
            ["PADA-1: rising ESR1 D538G in ctDNA on letrozole + palbociclib without progression"] = ("PADA-1", "fulvestrant-palbociclib", () => Tumor("IDC").CtdnaMutation("ESR1", "D538G", acquired: true)
                .Marker(ClinicalMarker.EstrogenReceptor, MarkerStatus.Positive).Marker(ClinicalMarker.Her2, MarkerStatus.Negative)
                .Receiving("letrozole", "palbociclib").Fact(ClinicalFact.Progression, false), EligibilityStatus.Eligible),
            ["SHIVA01 tamoxifen: ER-positive endometrial cancer that progressed"] = ("SHIVA01", "tamoxifen", () => Tumor("UEC").Marker(ClinicalMarker.EstrogenReceptor, MarkerStatus.Positive).Fact(ClinicalFact.Progression, true), EligibilityStatus.Potential),
            ["SHIVA01 letrozole: PR-positive ovarian cancer that progressed"] = ("SHIVA01", "letrozole", () => Tumor("HGSOC").Marker(ClinicalMarker.ProgesteroneReceptor, MarkerStatus.Positive).Fact(ClinicalFact.Progression, true), EligibilityStatus.Potential),
            ["SHIVA01 everolimus: PIK3CA H1047R cervical cancer that progressed"] = ("SHIVA01", "everolimus", () => Tumor("CESC").Mutation("PIK3CA", "H1047R").Fact(ClinicalFact.Progression, true), EligibilityStatus.Potential),
            ["SHIVA01 erlotinib: EGFR amplified glioblastoma that progressed"] = ("SHIVA01", "erlotinib", () => Tumor("GB").Amplification("EGFR", 20).Fact(ClinicalFact.Progression, true), EligibilityStatus.Potential),
            ["SHIVA01 lapatinib + trastuzumab: ERBB2 amplified bladder cancer that progressed"] = ("SHIVA01", "lapatinib-trastuzumab", () => Tumor("BLCA").Amplification("ERBB2", 20).Fact(ClinicalFact.Progression, true), EligibilityStatus.Potential),
            ["SHIVA01 vemurafenib: BRAF V600E cholangiocarcinoma that progressed"] = ("SHIVA01", "vemurafenib", () => Tumor("CHOL").Mutation("BRAF", "V600E").Fact(ClinicalFact.Progression, true), EligibilityStatus.Potential),
            ["NCI-MPACT everolimus: somatic PIK3CA E545K cervical cancer that progressed"] = ("NCI-MPACT", "everolimus", () => Tumor("CESC").Mutation("PIK3CA", "E545K").Fact(ClinicalFact.Progression, true), EligibilityStatus.Potential),
            ["NCI-MPACT trametinib: KRAS G12D pancreatic cancer that progressed"] = ("NCI-MPACT", "trametinib", () => Tumor("PAAD").Mutation("KRAS", "G12D").Fact(ClinicalFact.Progression, true), EligibilityStatus.Potential),
            ["BATTLE-2 erlotinib: STK11 truncating adenocarcinoma"] = ("BATTLE-2", "erlotinib", () => Tumor("LUAD").Mutation("STK11", "Q37*"), EligibilityStatus.Potential),
            ["BATTLE-2 sorafenib: NRAS Q61K adenocarcinoma"] = ("BATTLE-2", "sorafenib", () => Tumor("LUAD").Mutation("NRAS", "Q61K"), EligibilityStatus.Potential),
            ["BATTLE-2 MK-2206 + erlotinib: PIK3CA E545K squamous NSCLC"] = ("BATTLE-2", "mk-2206-erlotinib", () => Tumor("LUSC").Mutation("PIK3CA", "E545K"), EligibilityStatus.Potential),
            ["BATTLE-2 MK-2206 + selumetinib: MAP2K1 K57N adenocarcinoma"] = ("BATTLE-2", "mk-2206-selumetinib", () => Tumor("LUAD").Mutation("MAP2K1", "K57N"), EligibilityStatus.Potential),
            ["I-SPY2 neratinib: HR-negative HER2-positive breast cancer"] = ("I-SPY2", "neratinib", () => Tumor("IDC").Marker(ClinicalMarker.HormoneReceptor, MarkerStatus.Negative).Marker(ClinicalMarker.Her2, MarkerStatus.Positive), EligibilityStatus.Potential),
            ["I-SPY2 MK-2206: HR-positive HER2-negative breast cancer"] = ("I-SPY2", "mk-2206", () => Tumor("IDC").Marker(ClinicalMarker.HormoneReceptor, MarkerStatus.Positive).Marker(ClinicalMarker.Her2, MarkerStatus.Negative), EligibilityStatus.Potential),
            ["I-SPY2 T-DM1 + pertuzumab: HR-positive HER2-positive breast cancer"] = ("I-SPY2", "trastuzumab-emtansine-pertuzumab", () => Tumor("IDC").Marker(ClinicalMarker.HormoneReceptor, MarkerStatus.Positive).Marker(ClinicalMarker.Her2, MarkerStatus.Positive), EligibilityStatus.Potential),
            ["I-SPY2 veliparib: triple-negative breast cancer"] = ("I-SPY2", "veliparib", () => Tumor("IDC").Marker(ClinicalMarker.HormoneReceptor, MarkerStatus.Negative).Marker(ClinicalMarker.Her2, MarkerStatus.Negative), EligibilityStatus.Potential),
            ["I-SPY2 ganitumab + metformin: lobular HR-positive HER2-negative breast cancer"] = ("I-SPY2", "ganitumab-metformin", () => Tumor("ILC").Marker(ClinicalMarker.HormoneReceptor, MarkerStatus.Positive).Marker(ClinicalMarker.Her2, MarkerStatus.Negative), EligibilityStatus.Potential),
            ["I-SPY2 trebananib: HR-negative HER2-negative breast cancer"] = ("I-SPY2", "trebananib", () => Tumor("IDC").Marker(ClinicalMarker.HormoneReceptor, MarkerStatus.Negative).Marker(ClinicalMarker.Her2, MarkerStatus.Negative), EligibilityStatus.Potential),
        };

    public static TheoryData<string> Names => new(Cases.Keys);
}
