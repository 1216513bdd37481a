using TumorBoard.Core.Rules;
using TumorBoard.Core.Rules.Civic;
using TumorBoard.Core.Rules.Engine;
using TumorBoard.KnowledgeBase;
using TumorBoard.KnowledgeBase.Civic;
using TumorBoard.KnowledgeBase.Rules;
using TumorBoard.KnowledgeBase.Vocabularies;
using TumorBoard.TestSupport.Fhir;
using static TumorBoard.Fhir.Tests.Knowledge.FhirGolden;

namespace TumorBoard.Fhir.Tests.Knowledge;

/// <summary>
/// The CIViC layer through the FHIR reader, beside the curated layer as the service runs them: a finding CIViC adds,
/// one it only corroborates, one that contradicts a curated finding (shown, curated unchanged), and rows the importer
/// skipped (level D, "Does Not Support") that must never surface.
/// </summary>
public class CivicLayerThroughFhirTests
{
    private static readonly Lazy<(RuleEngine Curated, CivicEngine Civic, CivicLayer Layer)> Engines = new(() =>
    {
        var vocabulary = VocabularyLoader.LoadEmbedded();
        var curated = GeneReferences.LoadRules(vocabulary);
        var layer = CivicLayerLoader.LoadEmbedded(vocabulary, curated);
        return (new RuleEngine(curated, vocabulary.OncoTree), new CivicEngine(layer, vocabulary.OncoTree), layer);
    });

    [Fact]
    public void Given_EGFR_T790M_in_lung_adenocarcinoma_Then_CIViC_only_corroborates_curated_osimertinib_and_adds_no_finding_for_it()
    {
        var (curated, civic) = Evaluate(Lung("p.Thr790Met"));

        var osimertinib = Fired(curated, "LUNG-EGFR-T790M/osimertinib");
        Assert.Equal(EvidenceLevel.Level1, osimertinib.Level);
        var corroboration = Assert.Single(civic.Corroborations, c => c.RuleId == "LUNG-EGFR-T790M/osimertinib");
        Assert.Contains(corroboration.Evidence, e => e.Eid == "EID1867" && e.Level == "A");
        Assert.DoesNotContain(civic.Findings, f => f.Drugs.SequenceEqual(["osimertinib"]) && f.AlterationKey == "EGFR T790M");
    }

    [Fact]
    public void Given_an_EGFR_exon_20_insertion_in_NSCLC_Then_CIViC_adds_osimertinib_at_derived_level_3A_with_its_own_level_B()
    {
        var (curated, civic) = Evaluate(Lung("p.Asp770_Asn771insSerValAsp"));

        NotFired(curated, "LUNG-EGFR-EX20INS/osimertinib");
        var finding = Assert.Single(civic.Findings, f => f.Drugs.SequenceEqual(["osimertinib"]));
        Assert.Equal(TherapyEffect.Sensitive, finding.Effect);
        Assert.Equal(EvidenceLevel.Level3A, finding.Level);
        Assert.Equal("B", finding.CivicLevel);
        Assert.Contains(finding.Evidence, e => e.Eid == "EID7610");
        Assert.Empty(finding.ConflictsWith);
    }

    [Fact]
    public void Given_EGFR_A763_Y764insFQEA_which_the_curated_exon_20_class_excludes_Then_CIViC_adds_no_exon_20_osimertinib_finding()
    {
        var (_, civic) = Evaluate(Lung("p.Ala763_Tyr764insPheGlnGluAla"));

        Assert.DoesNotContain(civic.Findings, f => f.Evidence.Any(e => e.Eid == "EID7610"));
    }

    [Fact]
    public void Given_KRAS_G13D_in_colorectal_cancer_Then_CIViC_cetuximab_sensitivity_is_a_visible_conflict_and_curated_resistance_stands()
    {
        var (curated, civic) = Evaluate(Patient(OncoTree, "COADREAD", "Colorectal Adenocarcinoma", TestSite.Colon)
            .Report(new TestReport("ACC-1", TestSite.Colon, Diagnosed, [new TestVariant("KRAS", "p.Gly13Asp", null, 0.3m)]))
            .ToJson());

        var resistance = Fired(curated, "CRC-KRAS-RES/cetuximab");
        Assert.Equal(TherapyEffect.Resistant, resistance.Effect);
        Assert.False(resistance.InConflict);
        var finding = Assert.Single(civic.Findings, f => f.Drugs.SequenceEqual(["cetuximab"]));
        Assert.Equal(TherapyEffect.Sensitive, finding.Effect);
        Assert.Contains(finding.Evidence, e => e.Eid == "EID306");
        Assert.Equal(["CRC-KRAS-RES/cetuximab"], finding.ConflictsWith);
        var conflict = Assert.Single(civic.Conflicts, c => c.CuratedRuleId == "CRC-KRAS-RES/cetuximab");
        Assert.Equal(TherapyEffect.Resistant, conflict.CuratedEffect);
        // EID806 says KRAS G13D resistance to cetuximab with direction "Does Not Support": never imported as a finding.
        Assert.DoesNotContain("EID806", EvidenceIds(civic));
    }

    [Fact]
    public void Given_EGFR_T790M_in_NSCLC_Then_level_D_afatinib_items_the_importer_skipped_are_absent()
    {
        var (_, civic) = Evaluate(Lung("p.Thr790Met"));

        var all = EvidenceIds(civic);
        Assert.NotEmpty(all);
        Assert.DoesNotContain("EID2163", all);
        Assert.DoesNotContain("EID2164", all);
        Assert.DoesNotContain("EID963", all);
    }

    [Fact]
    public void The_CIViC_layer_never_claims_level_1_or_2_and_every_rule_cites_its_CIViC_evidence_item()
    {
        var layer = Engines.Value.Layer;

        // Every rule the shipped file records (one per therapy of each imported item), not just "some".
        var shipped = System.Text.Json.Nodes.JsonNode.Parse(KnowledgeBaseFile.Embedded("civic/").Single(f => f.Path == CivicLayerLoader.DataPath).Content)!;
        Assert.Equal(shipped["counts"]!["rules"]!.GetValue<int>(), layer.Rules.Rules.Count);
        Assert.Equal(shipped["rules"]!.AsArray().Sum(entry => entry!["therapies"]!.AsArray().Count), layer.Rules.Rules.Count);
        Assert.All(layer.Rules.Rules, r =>
        {
            Assert.Contains(r.Level, new[] { EvidenceLevel.Level3A, EvidenceLevel.R2 });
            var evidence = layer.EvidenceByRuleId[r.Id];
            Assert.Contains(evidence.Level, new[] { "A", "B" });
            Assert.Contains(r.Citations, c => c.Type == CitationType.Url && c.Id == evidence.Url);
        });
    }

    private static List<string> EvidenceIds(CivicEvaluation civic) =>
        civic.Findings.SelectMany(f => f.Evidence).Concat(civic.Corroborations.SelectMany(c => c.Evidence))
            .Concat(civic.Conflicts.SelectMany(c => c.Evidence)).Select(e => e.Eid).ToList();

    private static string Lung(string change) =>
        Patient(OncoTree, "LUAD", "Lung Adenocarcinoma", TestSite.Lung)
            .Report(new TestReport("ACC-1", TestSite.Lung, Diagnosed, [new TestVariant("EGFR", change, null, 0.3m)]))
            .ToJson();

    private static (RuleEvaluation Curated, CivicEvaluation Civic) Evaluate(string json)
    {
        var bundle = Reader.Accepted(json);
        var profile = new PatientProfile
        {
            OncotreeCode = bundle.Diagnosis?.TumorType?.OncotreeCode,
            Alterations = bundle.Reports.SelectMany(r => r.Alterations).ToList(),
        };
        var (curatedEngine, civicEngine, _) = Engines.Value;
        var curated = curatedEngine.Evaluate(profile);
        return (curated, civicEngine.Evaluate(profile, curated));
    }
}
