using System.Text.Json.Nodes;
using TumorBoard.Core.Trials.Evaluation;
using static TumorBoard.Fhir.Tests.Trials.FhirTrialBundles;
using static TumorBoard.Fhir.Tests.Trials.HistoricalTrialBundles;

namespace TumorBoard.Fhir.Tests.Trials;

/// <summary>
/// Every arm of the historical packs (SHIVA01, NCI-MPACT, BATTLE-2, I-SPY2) read through the FHIR reader: a bundle
/// the arm takes (potential: each keeps a check for what its sources leave open) and one it must refuse. The
/// breast fixture (ER-positive, PR-negative, HER2-low, PIK3CA H1047R, born 1968) is changed one fact at a time.
/// </summary>
public class HistoricalTrialCaseTests
{
    private static readonly Dictionary<string, (string Trial, string Arm, Action<JsonObject>[] Bundle)> Takes = new()
    {
        ["SHIVA01 tamoxifen: ER-positive breast cancer that progressed"] = ("SHIVA01", "tamoxifen", [Progressed]),
        ["SHIVA01 letrozole: ER-positive breast cancer that progressed"] = ("SHIVA01", "letrozole", [Progressed]),
        ["SHIVA01 everolimus: PIK3CA H1047R that progressed"] = ("SHIVA01", "everolimus", [Progressed]),
        ["SHIVA01 erlotinib: EGFR L858R pancreatic cancer that progressed"] = ("SHIVA01", "erlotinib", [PancreaticAdenocarcinoma, SomaticVariant("HGNC:3236", "EGFR", "p.Leu858Arg"), Progressed]),
        ["SHIVA01 lapatinib + trastuzumab: ERBB2 S310F colon cancer that progressed"] = ("SHIVA01", "lapatinib-trastuzumab", [ColonAdenocarcinoma, SomaticVariant("HGNC:3430", "ERBB2", "p.Ser310Phe"), Progressed]),
        ["SHIVA01 vemurafenib: BRAF V600E colon cancer that progressed"] = ("SHIVA01", "vemurafenib", [ColonAdenocarcinoma, SomaticVariant("HGNC:1097", "BRAF", "p.Val600Glu"), Progressed]),
        ["NCI-MPACT everolimus: somatic PIK3CA H1047R that progressed"] = ("NCI-MPACT", "everolimus", [Progressed]),
        ["NCI-MPACT trametinib: KRAS G12D pancreatic cancer that progressed"] = ("NCI-MPACT", "trametinib", [PancreaticAdenocarcinoma, SomaticVariant("HGNC:6407", "KRAS", "p.Gly12Asp"), Progressed]),
        ["BATTLE-2 erlotinib: STK11 Q37* lung adenocarcinoma"] = ("BATTLE-2", "erlotinib", [LungAdenocarcinoma, SomaticVariant("HGNC:11389", "STK11", "p.Gln37Ter")]),
        ["BATTLE-2 sorafenib: NRAS Q61K lung adenocarcinoma"] = ("BATTLE-2", "sorafenib", [LungAdenocarcinoma, SomaticVariant("HGNC:7989", "NRAS", "p.Gln61Lys")]),
        ["BATTLE-2 MK-2206 + erlotinib: PIK3CA H1047R lung adenocarcinoma"] = ("BATTLE-2", "mk-2206-erlotinib", [LungAdenocarcinoma]),
        ["BATTLE-2 MK-2206 + selumetinib: MAP2K1 K57N lung adenocarcinoma"] = ("BATTLE-2", "mk-2206-selumetinib", [LungAdenocarcinoma, SomaticVariant("HGNC:6840", "MAP2K1", "p.Lys57Asn")]),
        ["I-SPY2 neratinib: HR-positive HER2-amplified breast cancer"] = ("I-SPY2", "neratinib", [Her2Amplified]),
        ["I-SPY2 MK-2206: HR-positive HER2-low breast cancer"] = ("I-SPY2", "mk-2206", []),
        ["I-SPY2 T-DM1 + pertuzumab: HR-positive HER2-amplified breast cancer"] = ("I-SPY2", "trastuzumab-emtansine-pertuzumab", [Her2Amplified]),
        ["I-SPY2 veliparib: HR-negative HER2-low breast cancer"] = ("I-SPY2", "veliparib", [ErNegative]),
        ["I-SPY2 ganitumab + metformin: HR-positive HER2-low breast cancer"] = ("I-SPY2", "ganitumab-metformin", []),
        ["I-SPY2 trebananib: HR-negative HER2-low breast cancer"] = ("I-SPY2", "trebananib", [ErNegative]),
    };

    private static readonly Dictionary<string, (string Trial, string Arm, Action<JsonObject>[] Bundle)> Refuses = new()
    {
        ["SHIVA01 tamoxifen refuses an ER- and PR-negative tumour"] = ("SHIVA01", "tamoxifen", [ErNegative, Progressed]),
        ["SHIVA01 letrozole refuses a 17-year-old"] = ("SHIVA01", "letrozole", [BornOn("2009-01-15"), Progressed]),
        ["SHIVA01 everolimus refuses stable disease"] = ("SHIVA01", "everolimus", [Stable]),
        ["SHIVA01 erlotinib refuses a tumour without an EGFR alteration"] = ("SHIVA01", "erlotinib", [PancreaticAdenocarcinoma, SomaticVariant("HGNC:6407", "KRAS", "p.Gly12Asp"), Progressed]),
        ["SHIVA01 lapatinib + trastuzumab refuses stable disease"] = ("SHIVA01", "lapatinib-trastuzumab", [ColonAdenocarcinoma, SomaticVariant("HGNC:3430", "ERBB2", "p.Ser310Phe"), Stable]),
        ["SHIVA01 vemurafenib refuses a tumour without a BRAF mutation"] = ("SHIVA01", "vemurafenib", [ColonAdenocarcinoma, SomaticVariant("HGNC:6407", "KRAS", "p.Gly12Asp"), Progressed]),
        ["NCI-MPACT everolimus refuses a germline PIK3CA variant"] = ("NCI-MPACT", "everolimus", [GermlineVariant("HGNC:8975", "PIK3CA", "p.His1047Arg"), Progressed]),
        ["NCI-MPACT trametinib refuses stable disease"] = ("NCI-MPACT", "trametinib", [PancreaticAdenocarcinoma, SomaticVariant("HGNC:6407", "KRAS", "p.Gly12Asp"), Stable]),
        ["BATTLE-2 erlotinib refuses KRAS, not on the biomarker list"] = ("BATTLE-2", "erlotinib", [LungAdenocarcinoma, SomaticVariant("HGNC:6407", "KRAS", "p.Gly12Cys")]),
        ["BATTLE-2 sorafenib refuses colon cancer"] = ("BATTLE-2", "sorafenib", [ColonAdenocarcinoma, SomaticVariant("HGNC:7989", "NRAS", "p.Gln61Lys")]),
        ["BATTLE-2 MK-2206 + erlotinib refuses breast cancer"] = ("BATTLE-2", "mk-2206-erlotinib", []),
        ["BATTLE-2 MK-2206 + selumetinib refuses EGFR, not on the biomarker list"] = ("BATTLE-2", "mk-2206-selumetinib", [LungAdenocarcinoma, SomaticVariant("HGNC:3236", "EGFR", "p.Leu858Arg")]),
        ["I-SPY2 neratinib refuses lung cancer"] = ("I-SPY2", "neratinib", [LungAdenocarcinoma, Her2Amplified]),
        ["I-SPY2 MK-2206 refuses colon cancer"] = ("I-SPY2", "mk-2206", [ColonAdenocarcinoma]),
        ["I-SPY2 T-DM1 + pertuzumab refuses lung cancer"] = ("I-SPY2", "trastuzumab-emtansine-pertuzumab", [LungAdenocarcinoma]),
        ["I-SPY2 veliparib refuses pancreatic cancer"] = ("I-SPY2", "veliparib", [PancreaticAdenocarcinoma, ErNegative]),
        ["I-SPY2 ganitumab + metformin refuses colon cancer"] = ("I-SPY2", "ganitumab-metformin", [ColonAdenocarcinoma]),
        ["I-SPY2 trebananib refuses lung cancer"] = ("I-SPY2", "trebananib", [LungAdenocarcinoma, ErNegative]),
    };

    private static readonly string[] HistoricalTrials = ["SHIVA01", "NCI-MPACT", "BATTLE-2", "I-SPY2"];

    public static TheoryData<string> TakenNames => new(Takes.Keys);

    public static TheoryData<string> RefusedNames => new(Refuses.Keys);

    [Theory]
    [MemberData(nameof(TakenNames))]
    public void Each_historical_arm_lists_its_FHIR_patient_as_potential_with_its_checks_unknown(string name)
    {
        var (trial, arm, changes) = Takes[name];

        var match = FhirTrialPatient.Evaluate(Breast(changes)).Arms.SingleOrDefault(a => a.TrialId == trial && a.ArmId == arm);

        Assert.NotNull(match);
        Assert.Equal(EligibilityStatus.Potential, match.Status);
        Assert.Equal(Core.Trials.ArmStatus.Closed, match.ArmStatus);
        Assert.Equal(CriterionOutcome.Met, match.Criteria[0].Result);
        Assert.DoesNotContain(match.Criteria, c => c.Result == CriterionOutcome.Unmet);
        Assert.Contains(match.Criteria, c => c.Result == CriterionOutcome.Unknown);
    }

    [Theory]
    [MemberData(nameof(RefusedNames))]
    public void Each_historical_arm_refuses_its_FHIR_near_miss(string name)
    {
        var (trial, arm, changes) = Refuses[name];

        var match = FhirTrialPatient.Evaluate(Breast(changes)).Arms.SingleOrDefault(a => a.TrialId == trial && a.ArmId == arm);

        Assert.True(match is null || match.Status == EligibilityStatus.Ineligible, $"{trial}/{arm} was {match?.Status}");
    }

    [Fact]
    public void Every_arm_of_the_historical_packs_has_a_FHIR_case_it_takes_and_one_it_refuses()
    {
        var shipped = FhirTrialPatient.ShippedArms(HistoricalTrials);

        Assert.Equal(18, shipped.Count);
        Assert.All(shipped, arm => Assert.Contains(Takes.Values, c => $"{c.Trial}/{c.Arm}" == arm));
        Assert.All(shipped, arm => Assert.Contains(Refuses.Values, c => $"{c.Trial}/{c.Arm}" == arm));
    }

    [Fact]
    public void The_progression_that_makes_a_SHIVA01_patient_refractory_names_its_mCODE_observation()
    {
        var everolimus = FhirTrialPatient.Evaluate(Breast(Progressed)).Arms.Single(a => a is { TrialId: "SHIVA01", ArmId: "everolimus" });

        var line = everolimus.Criteria.Single(c => c.Criterion.Contains("refractory", StringComparison.Ordinal));
        Assert.Equal(CriterionOutcome.Met, line.Result);
        Assert.Contains("Observation/ds-1", line.Detail, StringComparison.Ordinal);
    }
}
