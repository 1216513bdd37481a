using TumorBoard.Core.Alterations;
using TumorBoard.Core.Patients;
using TumorBoard.Core.Trials;
using static TumorBoard.KnowledgeBase.Tests.Trials.TrialPatientBuilder;

namespace TumorBoard.KnowledgeBase.Tests.Trials;

/// <summary>
/// One patient per shipped arm that the arm must refuse: either the arm is not offered at all (selection or
/// population fails) or it is returned as ineligible because an encoded exclusion fires.
/// </summary>
public static class ArmRefusalCases
{
    public static readonly IReadOnlyDictionary<string, (string Trial, string Arm, Func<TrialPatientBuilder> Patient)> Cases =
        new Dictionary<string, (string, string, Func<TrialPatientBuilder>)>
        {
            ["MATCH A refuses EGFR L858R lung adenocarcinoma"] = ("NCI-MATCH", "A", () => Tumor("LUAD").Mutation("EGFR", "L858R")),
            ["MATCH A refuses L858R with T790M"] = ("NCI-MATCH", "A", () => Tumor("GB").Mutation("EGFR", "L858R").Mutation("EGFR", "T790M")),
            ["MATCH B refuses prior lapatinib"] = ("NCI-MATCH", "B", () => Tumor("BLCA").Mutation("ERBB2", "A775_G776insYVMA").Had("lapatinib")),
            ["MATCH C1 refuses MET wild type"] = ("NCI-MATCH", "C1", () => Tumor("STAD").Mutation("TP53", "R175H")),
            ["MATCH C2 refuses MET amplification only"] = ("NCI-MATCH", "C2", () => Tumor("STAD").Amplification("MET", 12)),
            ["MATCH E refuses T790M lung adenocarcinoma"] = ("NCI-MATCH", "E", () => Tumor("LUAD").Mutation("EGFR", "T790M")),
            ["MATCH F refuses ALK-rearranged NSCLC"] = ("NCI-MATCH", "F", () => Tumor("LUAD").Fusion("EML4", "ALK")),
            ["MATCH G refuses ROS1 wild type"] = ("NCI-MATCH", "G", () => Tumor("CHOL").Fusion("EML4", "ALK")),
            ["MATCH H refuses uveal melanoma"] = ("NCI-MATCH", "H", () => Tumor("UM").Mutation("BRAF", "V600E")),
            ["MATCH I refuses PIK3CA with KRAS"] = ("NCI-MATCH", "I", () => Tumor("CESC").Mutation("PIK3CA", "E545K").Mutation("KRAS", "G12D")),
            ["MATCH J refuses gastric adenocarcinoma"] = ("NCI-MATCH", "J", () => Tumor("STAD").Amplification("ERBB2", 20)),
            ["MATCH K1 refuses urothelial carcinoma"] = ("NCI-MATCH", "K1", () => Tumor("BLCA").Amplification("FGFR3", 9)),
            ["MATCH K2 refuses FGFR amplification only"] = ("NCI-MATCH", "K2", () => Tumor("IDC").Amplification("FGFR1", 9)),
            ["MATCH L refuses prior everolimus"] = ("NCI-MATCH", "L", () => Tumor("CCRCC").Mutation("MTOR", "S2215Y").Had("everolimus")),
            ["MATCH M refuses TSC wild type"] = ("NCI-MATCH", "M", () => Tumor("BLCA").Mutation("TP53", "R175H")),
            ["MATCH N refuses BRAF V600E"] = ("NCI-MATCH", "N", () => Tumor("UCEC").Mutation("PTEN", "R130*").Mutation("BRAF", "V600E").Marker(ClinicalMarker.Pten, MarkerStatus.Positive)),
            ["MATCH P refuses PIK3CA co-mutation"] = ("NCI-MATCH", "P", () => Tumor("PRAD").Mutation("PIK3CA", "H1047R").Marker(ClinicalMarker.Pten, MarkerStatus.Negative)),
            ["MATCH Q refuses breast cancer"] = ("NCI-MATCH", "Q", () => Tumor("IDC").Amplification("ERBB2", 25)),
            ["MATCH R refuses prior trametinib"] = ("NCI-MATCH", "R", () => Tumor("IDC").Mutation("BRAF", "G469A").Had("trametinib")),
            ["MATCH S1 refuses prior cobimetinib"] = ("NCI-MATCH", "S1", () => Tumor("GB").Mutation("NF1", "R1362*").Had("cobimetinib")),
            ["MATCH S2 refuses prior binimetinib"] = ("NCI-MATCH", "S2", () => Tumor("SKCM").Mutation("GNA11", "Q209L").Had("binimetinib")),
            ["MATCH T refuses basal cell carcinoma"] = ("NCI-MATCH", "T", () => Tumor("BCC").Mutation("PTCH1", "Q853*")),
            ["MATCH U refuses prior defactinib"] = ("NCI-MATCH", "U", () => Tumor("PLMESO").Mutation("NF2", "R57*").Had("defactinib")),
            ["MATCH V refuses GIST"] = ("NCI-MATCH", "V", () => Tumor("GIST").Mutation("KIT", "W557_K558del")),
            ["MATCH W refuses FGFR wild type"] = ("NCI-MATCH", "W", () => Tumor("CESC").Mutation("TP53", "R175H")),
            ["MATCH X refuses an unlisted DDR2 variant"] = ("NCI-MATCH", "X", () => Tumor("LUSC").Mutation("DDR2", "L63V")),
            ["MATCH Y refuses AKT1 E17K-negative"] = ("NCI-MATCH", "Y", () => Tumor("IDC").Mutation("AKT1", "Q79K")),
            ["MATCH Y refuses a 17-year-old"] = ("NCI-MATCH", "Y", () => Tumor("IDC").Mutation("AKT1", "E17K").Fact(ClinicalFact.Progression, true).Born(TrialPatientBuilder.Today.AddYears(-17))),
            ["MATCH Z1A refuses mucosal melanoma"] = ("NCI-MATCH", "Z1A", () => Tumor("VMM").Mutation("NRAS", "Q61R")),
            ["MATCH Z1B refuses Rb loss"] = ("NCI-MATCH", "Z1B", () => Tumor("ESCC").Amplification("CCND1", 11).Marker(ClinicalMarker.Rb, MarkerStatus.Negative)),
            ["MATCH Z1C refuses Rb loss"] = ("NCI-MATCH", "Z1C", () => Tumor("DDLS").Amplification("CDK4", 30).Marker(ClinicalMarker.Rb, MarkerStatus.Negative)),
            ["MATCH Z1D refuses medullary colon carcinoma"] = ("NCI-MATCH", "Z1D", () => Tumor("CMC").Marker(ClinicalMarker.Mlh1, MarkerStatus.Negative)),
            ["MATCH Z1E refuses NTRK point mutation"] = ("NCI-MATCH", "Z1E", () => Tumor("SDCA").Mutation("NTRK1", "G595R")),
            ["MATCH Z1F refuses KRAS co-mutation"] = ("NCI-MATCH", "Z1F", () => Tumor("CESC").Mutation("PIK3CA", "H1047R").Mutation("KRAS", "G12D")),
            ["MATCH Z1G refuses PIK3CA co-mutation"] = ("NCI-MATCH", "Z1G", () => Tumor("PRAD").Mutation("PIK3CA", "H1047R").Marker(ClinicalMarker.Pten, MarkerStatus.Negative)),
            ["MATCH Z1H refuses PTEN loss by IHC"] = ("NCI-MATCH", "Z1H", () => Tumor("UCEC").Mutation("PTEN", "K267Rfs*9").Marker(ClinicalMarker.Pten, MarkerStatus.Negative)),
            ["MATCH Z1I refuses a BRCA2 missense of unknown significance"] = ("NCI-MATCH", "Z1I", () => Tumor("HGSOC").Mutation("BRCA2", "N372H")),
            ["MATCH Z1K refuses AKT1 Q79K"] = ("NCI-MATCH", "Z1K", () => Tumor("UEC").Mutation("AKT1", "Q79K")),
            ["MATCH Z1L refuses BRAF V600E"] = ("NCI-MATCH", "Z1L", () => Tumor("LUAD").Mutation("BRAF", "V600E")),
            ["MATCH Z1M refuses LAG-3 negative"] = ("NCI-MATCH", "Z1M", () => Tumor("HNSC").Marker(ClinicalMarker.Lag3, MarkerStatus.Negative)),
            ["Lung-MAP S1400B refuses adenocarcinoma"] = ("Lung-MAP", "S1400B", () => Tumor("LUAD").Mutation("PIK3CA", "E545K").Had("carboplatin")),
            ["Lung-MAP S1400C refuses without platinum"] = ("Lung-MAP", "S1400C", () => Tumor("LUSC").Amplification("CCND1").CompleteHistory()),
            ["Lung-MAP S1400D refuses adenocarcinoma"] = ("Lung-MAP", "S1400D", () => Tumor("LUAD").Amplification("FGFR1").Had("carboplatin")),
            ["Lung-MAP S1400E refuses c-MET IHC negative"] = ("Lung-MAP", "S1400E", () => Tumor("LUSC").Marker(ClinicalMarker.Met, MarkerStatus.Negative)),
            ["Lung-MAP S1400G refuses prior olaparib"] = ("Lung-MAP", "S1400G", () => Tumor("LUSC").Mutation("BRCA2", "S1982Rfs*22").Had("olaparib")),
            ["Lung-MAP S1400A refuses an immunotherapy-treated patient"] = ("Lung-MAP", "S1400A", () => Tumor("LUSC").Had("nivolumab")),
            ["Lung-MAP S1400F refuses an immunotherapy-naive patient"] = ("Lung-MAP", "S1400F", () => Tumor("LUSC").CompleteHistory()),
            ["Lung-MAP S1400I refuses an immunotherapy-treated patient"] = ("Lung-MAP", "S1400I", () => Tumor("LUSC").Had("carboplatin").Had("pembrolizumab")),
            ["Lung-MAP S1900A refuses prior olaparib"] = ("Lung-MAP", "S1900A", () => Tumor("LUAD").Mutation("BRCA1", "Q1756Pfs*74").Had("olaparib")),
            ["Lung-MAP S1900B refuses an EGFR co-driver"] = ("Lung-MAP", "S1900B", () => Tumor("LUAD").Fusion("KIF5B", "RET").Mutation("EGFR", "L858R").Had("carboplatin").RulesEvaluated()),
            ["Lung-MAP S1900F refuses without progression"] = ("Lung-MAP", "S1900F", () => Tumor("LUAD").Fusion("KIF5B", "RET").Fact(ClinicalFact.Progression, false)),
            ["Lung-MAP S1900G refuses MET amplification without EGFR"] = ("Lung-MAP", "S1900G", () => Tumor("LUAD").Amplification("MET", 10)),
            ["Lung-MAP S1900K refuses prior capmatinib"] = ("Lung-MAP", "S1900K", () => Tumor("LUAD").MetSplice().Had("capmatinib")),
            ["Lung-MAP S1800A refuses an untreated EGFR driver"] = ("Lung-MAP", "S1800A", () => Tumor("LUAD").Mutation("EGFR", "L858R").Had("pembrolizumab").RulesEvaluated()),
            ["Lung-MAP S1800D refuses two anti-PD-1 lines"] = ("Lung-MAP", "S1800D", () => Tumor("LUAD").Had("pembrolizumab").Receiving("nivolumab").RulesEvaluated()),
            ["SAFIR02-Breast olaparib refuses somatic BRCA2"] = ("SAFIR02-Breast", "olaparib", () => Tumor("IDC").Mutation("BRCA2", "S1982Rfs*22", VariantOrigin.Somatic)),
            ["SAFIR02-Breast alpelisib refuses HER2-positive"] = ("SAFIR02-Breast", "alpelisib", () => Tumor("IDC").Mutation("PIK3CA", "H1047R").Marker(ClinicalMarker.Her2, MarkerStatus.Positive)),
            ["SAFIR02-Lung durvalumab refuses a targetable EGFR driver"] = ("SAFIR02-Lung", "durvalumab", () => Tumor("LUAD").Mutation("EGFR", "L858R").Had("carboplatin").Fact(ClinicalFact.Progression, false).RulesEvaluated()),
            ["DARWIN2 vemurafenib refuses melanoma"] = ("DARWIN2", "vemurafenib", () => Tumor("SKCM").Mutation("BRAF", "V600E")),
            ["DARWIN2 alectinib refuses colorectal cancer"] = ("DARWIN2", "alectinib", () => Tumor("COAD").Fusion("EML4", "ALK")),
            ["DARWIN2 T-DM1 refuses breast cancer"] = ("DARWIN2", "trastuzumab-emtansine", () => Tumor("IDC").Amplification("ERBB2", 12)),
            ["DARWIN2 atezolizumab refuses an EGFR driver"] = ("DARWIN2", "atezolizumab", () => Tumor("LUAD").Mutation("EGFR", "L858R").RulesEvaluated()),
            ["DARWIN1 afatinib refuses colorectal cancer"] = ("DARWIN1", "afatinib", () => Tumor("COAD").Mutation("EGFR", "L858R")),
            ["Matrix A refuses breast cancer"] = ("NLMT", "A", () => Tumor("IDC").Mutation("FGFR3", "S249C")),
            ["Matrix B1 refuses breast cancer"] = ("NLMT", "B1", () => Tumor("IDC").Mutation("TSC1", "R509*")),
            ["Matrix B2S refuses STK11 with KRAS"] = ("NLMT", "B2S", () => Tumor("LUAD").Mutation("STK11", "Q37*").Mutation("KRAS", "G12C")),
            ["Matrix B2D refuses KRAS without STK11"] = ("NLMT", "B2D", () => Tumor("LUAD").Mutation("KRAS", "G12C")),
            ["Matrix C1 refuses adenocarcinoma"] = ("NLMT", "C1", () => Tumor("LUAD").DeepDeletion("CDKN2A")),
            ["Matrix C2 refuses squamous NSCLC"] = ("NLMT", "C2", () => Tumor("LUSC").DeepDeletion("CDKN2A")),
            ["Matrix C3 refuses breast cancer"] = ("NLMT", "C3", () => Tumor("IDC").Amplification("CDK4", 15)),
            ["Matrix NA1 refuses breast cancer"] = ("NLMT", "NA1", () => Tumor("IDC").Mutation("TP53", "R273H")),
            ["PADA-1 refuses synchronous progression"] = ("PADA-1", "fulvestrant-palbociclib", () => Tumor("IDC").CtdnaMutation("ESR1", "D538G", acquired: true)
                .Marker(ClinicalMarker.EstrogenReceptor, MarkerStatus.Positive).Marker(ClinicalMarker.Her2, MarkerStatus.Negative)
                .Receiving("letrozole", "palbociclib").Fact(ClinicalFact.Progression, true)),
            ["SHIVA01 tamoxifen refuses ER- and PR-negative tumours"] = ("SHIVA01", "tamoxifen", () => Tumor("UEC").Marker(ClinicalMarker.EstrogenReceptor, MarkerStatus.Negative).Marker(ClinicalMarker.ProgesteroneReceptor, MarkerStatus.Negative).Fact(ClinicalFact.Progression, true)),
            ["SHIVA01 letrozole refuses a 17-year-old"] = ("SHIVA01", "letrozole", () => Tumor("HGSOC").Marker(ClinicalMarker.ProgesteroneReceptor, MarkerStatus.Positive).Fact(ClinicalFact.Progression, true).Born(TrialPatientBuilder.Today.AddYears(-17))),
            ["SHIVA01 everolimus refuses a tumour that did not progress"] = ("SHIVA01", "everolimus", () => Tumor("CESC").Mutation("PIK3CA", "H1047R").Fact(ClinicalFact.Progression, false)),
            ["SHIVA01 erlotinib refuses a tumour without EGFR alteration"] = ("SHIVA01", "erlotinib", () => Tumor("GB").Mutation("IDH1", "R132H").Fact(ClinicalFact.Progression, true)),
            ["SHIVA01 lapatinib + trastuzumab refuses a haematologic cancer"] = ("SHIVA01", "lapatinib-trastuzumab", () => Tumor("AML").Amplification("ERBB2", 20).Fact(ClinicalFact.Progression, true)),
            ["SHIVA01 vemurafenib refuses KRAS without BRAF"] = ("SHIVA01", "vemurafenib", () => Tumor("CHOL").Mutation("KRAS", "G12D").Fact(ClinicalFact.Progression, true)),
            ["NCI-MPACT everolimus refuses a germline PIK3CA variant"] = ("NCI-MPACT", "everolimus", () => Tumor("CESC").Mutation("PIK3CA", "E545K", VariantOrigin.Germline).Fact(ClinicalFact.Progression, true)),
            ["NCI-MPACT trametinib refuses a tumour that did not progress"] = ("NCI-MPACT", "trametinib", () => Tumor("PAAD").Mutation("KRAS", "G12D").Fact(ClinicalFact.Progression, false)),
            ["BATTLE-2 erlotinib refuses KRAS (not on the biomarker list)"] = ("BATTLE-2", "erlotinib", () => Tumor("LUAD").Mutation("KRAS", "G12C")),
            ["BATTLE-2 sorafenib refuses colorectal cancer"] = ("BATTLE-2", "sorafenib", () => Tumor("COAD").Mutation("NRAS", "Q61K")),
            ["BATTLE-2 MK-2206 + erlotinib refuses breast cancer"] = ("BATTLE-2", "mk-2206-erlotinib", () => Tumor("IDC").Mutation("PIK3CA", "E545K")),
            ["BATTLE-2 MK-2206 + selumetinib refuses EGFR (not on the biomarker list)"] = ("BATTLE-2", "mk-2206-selumetinib", () => Tumor("LUAD").Mutation("EGFR", "L858R")),
            ["I-SPY2 neratinib refuses colorectal cancer"] = ("I-SPY2", "neratinib", () => Tumor("COAD").Marker(ClinicalMarker.HormoneReceptor, MarkerStatus.Negative).Marker(ClinicalMarker.Her2, MarkerStatus.Positive)),
            ["I-SPY2 MK-2206 refuses breast cancer without a HER2 result"] = ("I-SPY2", "mk-2206", () => Tumor("IDC").Marker(ClinicalMarker.HormoneReceptor, MarkerStatus.Positive)),
            ["I-SPY2 T-DM1 + pertuzumab refuses breast cancer without an HR result"] = ("I-SPY2", "trastuzumab-emtansine-pertuzumab", () => Tumor("IDC").Marker(ClinicalMarker.Her2, MarkerStatus.Positive)),
            ["I-SPY2 veliparib refuses lung cancer"] = ("I-SPY2", "veliparib", () => Tumor("LUAD").Marker(ClinicalMarker.HormoneReceptor, MarkerStatus.Negative).Marker(ClinicalMarker.Her2, MarkerStatus.Negative)),
            ["I-SPY2 ganitumab + metformin refuses breast cancer without markers"] = ("I-SPY2", "ganitumab-metformin", () => Tumor("ILC").Mutation("PIK3CA", "H1047R")),
            ["I-SPY2 trebananib refuses breast cancer with an equivocal HER2 only"] = ("I-SPY2", "trebananib", () => Tumor("IDC").Marker(ClinicalMarker.HormoneReceptor, MarkerStatus.Negative).Marker(ClinicalMarker.Her2, MarkerStatus.Equivocal)),
        };

    public static TheoryData<string> Names => new(Cases.Keys);
}
