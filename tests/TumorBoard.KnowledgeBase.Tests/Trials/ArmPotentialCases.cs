using TumorBoard.Core.Patients;
using TumorBoard.Core.Trials;
using TumorBoard.Core.Trials.Evaluation;
using static TumorBoard.KnowledgeBase.Tests.Trials.TrialPatientBuilder;

namespace TumorBoard.KnowledgeBase.Tests.Trials;

/// <summary>
/// For the arms a fully documented patient can be eligible for: the same kind of patient with one fact missing
/// from the record (tumour type, therapy history, IHC, disease status, knowledge base) is only potential.
/// </summary>
public static class ArmPotentialCases
{
    public static readonly IReadOnlyDictionary<string, (string Trial, string Arm, Func<TrialPatientBuilder> Patient, EligibilityStatus Expected)> Cases =
        new Dictionary<string, (string, string, Func<TrialPatientBuilder>, EligibilityStatus)>
        {
            ["MATCH K1: FGFR1 amplification, tumour type unknown"] = ("NCI-MATCH", "K1", () => Tumor(null).Amplification("FGFR1", 9), EligibilityStatus.Potential),
            ["MATCH N: PTEN R130* without PTEN IHC"] = ("NCI-MATCH", "N", () => Tumor("UCEC").Mutation("PTEN", "R130*"), EligibilityStatus.Potential),
            ["MATCH Q: ERBB2 amplified, therapy history incomplete"] = ("NCI-MATCH", "Q", () => Tumor("MUCC").Amplification("ERBB2", 17), EligibilityStatus.Potential),
            ["MATCH S1: NF1 truncating, therapy history incomplete"] = ("NCI-MATCH", "S1", () => Tumor("GB").Mutation("NF1", "R1362*"), EligibilityStatus.Potential),
            ["MATCH Y: AKT1 E17K without a disease status"] = ("NCI-MATCH", "Y", () => Tumor("IDC").Mutation("AKT1", "E17K"), EligibilityStatus.Potential),
            ["MATCH Y: AKT1 E17K, progressed, birth date unknown"] = ("NCI-MATCH", "Y", () => Tumor("IDC").Mutation("AKT1", "E17K").Fact(ClinicalFact.Progression, true).BirthDateUnknown(), EligibilityStatus.Potential),
            ["MATCH Z1A: NRAS Q61K, tumour type unknown"] = ("NCI-MATCH", "Z1A", () => Tumor(null).Mutation("NRAS", "Q61K"), EligibilityStatus.Potential),
            ["MATCH Z1B: CCND1 amplified without Rb IHC"] = ("NCI-MATCH", "Z1B", () => Tumor("ESCC").Amplification("CCND1", 11).CompleteHistory(), EligibilityStatus.Potential),
            ["MATCH Z1F: PIK3CA H1047R, tumour type unknown"] = ("NCI-MATCH", "Z1F", () => Tumor(null).Mutation("PIK3CA", "H1047R"), EligibilityStatus.Potential),
            ["MATCH Z1H: PTEN frameshift without PTEN IHC"] = ("NCI-MATCH", "Z1H", () => Tumor("UCEC").Mutation("PTEN", "K267Rfs*9"), EligibilityStatus.Potential),
            ["Lung-MAP S1400A: squamous NSCLC, therapy history incomplete"] = ("Lung-MAP", "S1400A", () => Tumor("LUSC").Mutation("TP53", "R273H"), EligibilityStatus.Potential),
            ["Lung-MAP S1400B: PIK3CA squamous NSCLC, platinum not reported"] = ("Lung-MAP", "S1400B", () => Tumor("LUSC").Mutation("PIK3CA", "H1047R"), EligibilityStatus.Potential),
            ["Lung-MAP S1400C: CCND1 squamous NSCLC, platinum not reported"] = ("Lung-MAP", "S1400C", () => Tumor("LUSC").Amplification("CCND1"), EligibilityStatus.Potential),
            ["Lung-MAP S1400F: squamous NSCLC, immunotherapy not reported"] = ("Lung-MAP", "S1400F", () => Tumor("LUSC"), EligibilityStatus.Potential),
            ["Lung-MAP S1400I: squamous NSCLC, therapy history incomplete"] = ("Lung-MAP", "S1400I", () => Tumor("LUSC").Had("carboplatin"), EligibilityStatus.Potential),
            ["Lung-MAP S1800A: no driver, knowledge base not evaluated"] = ("Lung-MAP", "S1800A", () => Tumor("LUAD").Mutation("KRAS", "G12D").Had("pembrolizumab"), EligibilityStatus.Potential),
            ["Lung-MAP S1900K: MET exon 14, therapy history incomplete"] = ("Lung-MAP", "S1900K", () => Tumor("LUAD").MetSplice(), EligibilityStatus.Potential),
            ["SAFIR02-Lung durvalumab: knowledge base not evaluated"] = ("SAFIR02-Lung", "durvalumab", () => Tumor("LUAD").Had("carboplatin").Fact(ClinicalFact.Progression, false), EligibilityStatus.Potential),
            ["PADA-1: rising ESR1 without a disease status"] = ("PADA-1", "fulvestrant-palbociclib", () => Tumor("IDC").CtdnaMutation("ESR1", "D538G", acquired: true)
                .Marker(ClinicalMarker.EstrogenReceptor, MarkerStatus.Positive).Marker(ClinicalMarker.Her2, MarkerStatus.Negative)
                .Receiving("letrozole", "palbociclib"), EligibilityStatus.Potential),
            ["Lung-MAP S1400E: c-MET positive, tumour type unknown"] = ("Lung-MAP", "S1400E", () => Tumor(null).Marker(ClinicalMarker.Met, MarkerStatus.Positive), EligibilityStatus.Potential),
            ["SHIVA01 everolimus: PIK3CA H1047R without a disease status"] = ("SHIVA01", "everolimus", () => Tumor("CESC").Mutation("PIK3CA", "H1047R"), EligibilityStatus.Potential),
            ["NCI-MPACT trametinib: KRAS G12D, birth date unknown"] = ("NCI-MPACT", "trametinib", () => Tumor("PAAD").Mutation("KRAS", "G12D").Fact(ClinicalFact.Progression, true).BirthDateUnknown(), EligibilityStatus.Potential),
            ["BATTLE-2 erlotinib: STK11 truncating, tumour type unknown"] = ("BATTLE-2", "erlotinib", () => Tumor(null).Mutation("STK11", "Q37*"), EligibilityStatus.Potential),
            ["I-SPY2 neratinib: HR and HER2 recorded, tumour type unknown"] = ("I-SPY2", "neratinib", () => Tumor(null).Marker(ClinicalMarker.HormoneReceptor, MarkerStatus.Negative).Marker(ClinicalMarker.Her2, MarkerStatus.Positive), EligibilityStatus.Potential),
        };

    public static TheoryData<string> Names => new(Cases.Keys);
}
