using TumorBoard.Core.Ingestion;
using TumorBoard.Core.Rules;
using TumorBoard.Core.Rules.Engine;
using TumorBoard.KnowledgeBase.Rules;
using TumorBoard.KnowledgeBase.Vocabularies;
using static TumorBoard.Fhir.Tests.Markers.MarkerBundles;

namespace TumorBoard.Fhir.Tests.Markers;

/// <summary>Golden cases: markers read from FHIR decide the receptor context of the shipped breast rules.</summary>
public class MarkerRuleTests
{
    private const string Pik3caRule = "BREAST-PIK3CA-HOTSPOT";

    private static readonly Lazy<RuleEngine> Engine = new(() =>
    {
        var vocabulary = VocabularyLoader.LoadEmbedded();
        return new RuleEngine(KnowledgeBaseLoader.LoadEmbedded(vocabulary.OncoTree, vocabulary.Drugs), vocabulary.OncoTree);
    });

    [Fact]
    public void Given_hr_positive_her2_low_markers_in_the_bundle_When_rules_run_Then_the_pik3ca_rule_fires_without_a_receptor_caveat()
    {
        var evaluation = Evaluate(Reader.Accepted(TestFiles.Fixture(Breast)));

        var match = Assert.Single(evaluation.Therapies, t => t.RuleId.StartsWith(Pik3caRule, StringComparison.Ordinal) && t.Drugs.Contains("alpelisib"));
        Assert.Empty(match.Caveats);
    }

    [Fact]
    public void Given_no_marker_observations_When_rules_run_Then_the_pik3ca_rule_fires_with_status_not_provided_caveats()
    {
        var bundle = ReadBreast(b =>
        {
            foreach (var entry in new[] { Her2Ish, Her2Ihc, Pr, Er })
            {
                RemoveEntry(b, entry);
            }

            Mutations.Resource(b, 5).Remove("result");
        });

        var match = Assert.Single(Evaluate(bundle).Therapies, t => t.RuleId.StartsWith(Pik3caRule, StringComparison.Ordinal) && t.Drugs.Contains("alpelisib"));
        Assert.Equal(2, match.Caveats.Count(c => c.Contains("status not provided", StringComparison.Ordinal)));
    }

    [Fact]
    public void Given_her2_ihc_3_plus_When_rules_run_Then_the_pik3ca_rule_is_declined_on_her2()
    {
        var bundle = ReadBreast(b => SetValue(b, Her2Ihc, Value("LA11843-2", "3+")));

        var evaluation = Evaluate(bundle);

        Assert.DoesNotContain(evaluation.Therapies, t => t.RuleId.StartsWith(Pik3caRule, StringComparison.Ordinal));
        Assert.Contains(evaluation.Declined, d => d.RuleId.StartsWith(Pik3caRule, StringComparison.Ordinal) && d.Reason.Contains("HER2-", StringComparison.Ordinal));
    }

    private static RuleEvaluation Evaluate(ParsedBundle bundle) => Engine.Value.Evaluate(new PatientProfile
    {
        OncotreeCode = bundle.Diagnosis?.TumorType?.OncotreeCode,
        Alterations = bundle.Reports.SelectMany(r => r.Alterations).ToList(),
        PriorTherapies = bundle.PriorTherapies,
        ClinicalMarkers = bundle.MarkerStatuses(),
    });
}
