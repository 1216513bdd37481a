using TumorBoard.Core.Evolution;
using TumorBoard.Core.Pairs;
using TumorBoard.Core.Patients;
using TumorBoard.Core.Rules;
using static TumorBoard.Core.Tests.Evolution.EvolutionFixtures;
using static TumorBoard.Core.Tests.Pairs.PairFixtures;

namespace TumorBoard.Core.Tests.Evolution;

public class MolecularProgressionTests
{
    private static readonly ReportSnapshot LungPrimary = Report("p", SpecimenRole.Primary, "2020-01-01", Snv("EGFR", "L858R", 0.35m));

    [Fact]
    public void A_resistance_alteration_newly_detected_in_blood_under_the_drug_it_resists_is_progression()
    {
        var evolution = Evolve([Therapy("erlotinib", "2020-02-01")], [Resists("EGFR T790M", "erlotinib")],
            LungPrimary,
            Report("c1", Ctdna, "2021-01-01", Snv("EGFR", "L858R", 0.05m), Snv("EGFR", "T790M", 0.02m)));

        var alert = Assert.Single(evolution.Progression.Events);
        Assert.Equal(("EGFR T790M", ProgressionKind.Appearance, null, 0.02m), (alert.AlterationKey, alert.Kind, alert.FromVaf, alert.ToVaf));
        Assert.Equal(("p", "c1"), (alert.FromReportId, alert.ToReportId));
        Assert.Equal(["erlotinib"], Assert.Single(alert.UnderTherapies).Drugs);
    }

    [Fact]
    public void After_the_therapy_ended_a_new_resistance_alteration_is_not_progression()
    {
        var evolution = Evolve([Therapy("erlotinib", "2020-02-01", "2020-06-01")], [Resists("EGFR T790M", "erlotinib")],
            LungPrimary,
            Report("c1", Ctdna, "2021-01-01", Snv("EGFR", "T790M", 0.02m)));

        Assert.False(evolution.Progression.Flagged);
    }

    [Fact]
    public void Under_an_appearance_rule_a_rise_of_an_already_present_alteration_does_not_alert_again()
    {
        var evolution = Evolve([Therapy("erlotinib", "2020-02-01")], [Resists("EGFR T790M", "erlotinib")],
            LungPrimary,
            Report("c1", Ctdna, "2021-01-01", Snv("EGFR", "T790M", 0.02m)),
            Report("c2", Ctdna, "2021-03-01", Snv("EGFR", "T790M", 0.06m)));

        Assert.Equal(["c1"], evolution.Progression.Events.Select(e => e.ToReportId));
    }

    [Fact]
    public void Under_the_PADA1_rule_every_increase_between_draws_alerts_with_its_values()
    {
        var evolution = Evolve([Therapy("letrozole", "2022-01-01")], [Resists("ESR1 Y537S", "letrozole", RisingRule)],
            Report("c1", Ctdna, "2022-03-01", Snv("PIK3CA", "H1047R", 0.05m)),
            Report("c2", Ctdna, "2022-05-01", Snv("ESR1", "Y537S", 0.008m)),
            Report("c3", Ctdna, "2022-07-01", Snv("ESR1", "Y537S", 0.02m)),
            Report("c4", Ctdna, "2022-09-01", Snv("ESR1", "Y537S", 0.05m)));

        Assert.Equal(
            [(ProgressionKind.Appearance, null, 0.008m, "c2"), (ProgressionKind.Increase, 0.008m, 0.02m, "c3"), (ProgressionKind.Increase, 0.02m, 0.05m, "c4")],
            evolution.Progression.Events.Select(e => (e.Kind, e.FromVaf, e.ToVaf, e.ToReportId)));
        Assert.All(evolution.Progression.Events, e => Assert.Equal("PADA-1", e.ProgressionRuleId));
    }

    [Fact]
    public void A_single_draw_below_the_limit_of_detection_is_noise_and_says_why()
    {
        var evolution = Evolve([Therapy("erlotinib", "2020-02-01")], [Resists("EGFR T790M", "erlotinib")],
            LungPrimary,
            Report("c1", Ctdna, "2021-01-01", Snv("EGFR", "T790M", 0.003m)),
            Report("c2", Ctdna, "2021-03-01", Snv("EGFR", "L858R", 0.05m)));

        Assert.False(evolution.Progression.Flagged);
        var noise = Assert.Single(evolution.Progression.Suppressed);
        Assert.Equal(("EGFR T790M", "c1"), (noise.AlterationKey, noise.ReportId));
        Assert.Contains("below the limit of detection", noise.Reason, StringComparison.Ordinal);
        Assert.True(evolution.Row("EGFR T790M").Calls[1].BelowLimitOfDetection);
    }

    [Fact]
    public void A_below_limit_call_confirmed_by_the_next_draw_alerts_at_the_confirming_draw()
    {
        var evolution = Evolve([Therapy("erlotinib", "2020-02-01")], [Resists("EGFR T790M", "erlotinib")],
            LungPrimary,
            Report("c1", Ctdna, "2021-01-01", Snv("EGFR", "T790M", 0.003m)),
            Report("c2", Ctdna, "2021-03-01", Snv("EGFR", "T790M", 0.004m)));

        var alert = Assert.Single(evolution.Progression.Events);
        Assert.Equal(("c1", "c2", ProgressionKind.Appearance), (alert.FromReportId, alert.ToReportId, alert.Kind));
        Assert.Empty(evolution.Progression.Suppressed);
    }

    [Fact]
    public void A_plasma_only_call_in_a_clonal_haematopoiesis_gene_does_not_trigger()
    {
        var options = PairComparisonOptions.Default with { ClonalHematopoiesisGenes = new HashSet<string>(["DNMT3A"], StringComparer.OrdinalIgnoreCase) };
        var input = new EvolutionInput(
            [LungPrimary, Report("c1", Ctdna, "2021-01-01", Snv("DNMT3A", "R882H", 0.04m))],
            [Therapy("erlotinib", "2020-02-01")])
        { Resistance = [Resists("DNMT3A R882H", "erlotinib")], PairOptions = options, LimitOfDetectionVaf = 0.005m };

        var evolution = EvolutionBuilder.Build(input);

        Assert.False(evolution.Progression.Flagged);
        Assert.Contains("clonal-haematopoiesis gene", Assert.Single(evolution.Progression.Suppressed).Reason, StringComparison.Ordinal);
        Assert.True(evolution.Row("DNMT3A R882H").PossibleClonalHaematopoiesis);
    }

    [Fact]
    public void A_rule_that_caveats_clonal_haematopoiesis_alerts_with_the_caveat()
    {
        var caveatRule = AppearanceRule with { Id = "anti-EGFR-RAS-ctDNA", ClonalHaematopoiesis = ClonalHaematopoiesisHandling.Caveat };
        var options = PairComparisonOptions.Default with { ClonalHematopoiesisGenes = new HashSet<string>(["KRAS"], StringComparer.OrdinalIgnoreCase) };
        var input = new EvolutionInput(
            [Report("p", SpecimenRole.Primary, "2020-01-01", Snv("TP53", "R175H", 0.3m)), Report("c1", Ctdna, "2021-01-01", Snv("KRAS", "G12D", 0.01m))],
            [Therapy("cetuximab", "2020-03-01")])
        { Resistance = [Resists("KRAS G12D", "cetuximab", caveatRule)], PairOptions = options, LimitOfDetectionVaf = 0.005m };

        var alert = Assert.Single(EvolutionBuilder.Build(input).Progression.Events);

        Assert.Equal(["possible clonal haematopoiesis: seen only in plasma; confirm in tissue"], alert.Caveats);
    }

    [Fact]
    public void Trajectories_follow_each_plasma_alteration_across_the_draws_resistance_first()
    {
        var evolution = Evolve([Therapy("erlotinib", "2020-02-01")], [Resists("EGFR T790M", "erlotinib")],
            LungPrimary,
            Report("c1", Ctdna, "2021-01-01", Snv("EGFR", "L858R", 0.05m)),
            Report("c2", Ctdna, "2021-03-01", Snv("EGFR", "L858R", 0.07m), Snv("EGFR", "T790M", 0.02m)));

        Assert.Equal(["EGFR T790M", "EGFR L858R"], evolution.Trajectories.Select(t => t.Key));
        Assert.Equal([CallState.NotDetected, CallState.Detected], evolution.Trajectories[0].Points.Select(p => p.State));
    }

    [Fact]
    public void A_named_progression_rule_takes_its_alterations_and_the_general_rule_takes_the_other_resistance_findings()
    {
        var rules = new MolecularProgressionRules(0.005m, "test", [RisingRule, AppearanceRule]);
        var findings = new[]
        {
            Finding("BREAST-ESR1-LBD/elacestrant", TherapyEffect.Sensitive, "ESR1 Y537S", "elacestrant"),
            Finding("LUNG-EGFR-T790M-RES/erlotinib", TherapyEffect.Resistant, "EGFR T790M", "erlotinib"),
            Finding("LUNG-EGFR-L858R/osimertinib", TherapyEffect.Sensitive, "EGFR L858R", "osimertinib"),
        };

        var links = ResistanceLinks.From(findings, rules);

        Assert.Equal(
            [("ESR1 Y537S", "PADA-1", "letrozole, anastrozole"), ("EGFR T790M", "resistance-appearance", "erlotinib")],
            links.Select(l => (l.AlterationKey, l.Rule.Id, string.Join(", ", l.Drugs))));
    }
}
