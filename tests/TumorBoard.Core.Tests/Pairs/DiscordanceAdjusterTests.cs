using TumorBoard.Core.Pairs;
using TumorBoard.Core.Patients;
using static TumorBoard.Core.Tests.Pairs.PairFixtures;

namespace TumorBoard.Core.Tests.Pairs;

/// <summary>Findings carry the sources evidence.md gives for them (CIViC EIDs as URLs, PMIDs).</summary>
public class DiscordanceAdjusterTests
{
    private static readonly TherapyFinding L858RFirstGeneration = new(
        ["erlotinib", "gefitinib"], FindingEffect.Sensitive, "EGFR L858R", "egfr-l858r-nsclc", [new("url", "https://civicdb.org/evidence/2994")]);

    private static readonly TherapyFinding T790MOsimertinib = new(
        ["osimertinib"], FindingEffect.Sensitive, "EGFR T790M", "egfr-t790m-nsclc", [new("pmid", "27959700")]);

    private static readonly TherapyFinding T790MFirstGenerationResistance = new(
        ["erlotinib", "gefitinib", "afatinib"], FindingEffect.Resistant, "EGFR T790M", "egfr-t790m-resistance", [new("pmid", "25668228")]);

    private static readonly PriorTherapy Erlotinib = new(["erlotinib"], Date("2019-04-01"), Date("2021-01-10"));

    private static readonly ReportSnapshot LungPrimary = Report("primary", SpecimenRole.Primary, "2019-03-01", Snv("EGFR", "L858R", 0.35m));

    [Fact]
    public void Given_L858R_lost_and_T790M_acquired_after_erlotinib_When_adjusting_Then_erlotinib_on_the_primary_alone_is_contraindicated_citing_both()
    {
        var metastasis = Report("liver-met", SpecimenRole.Metastasis, "2021-02-01", Snv("EGFR", "T790M", 0.12m));
        var samples = PatientSamples.From([LungPrimary, metastasis]);

        var adjusted = DiscordanceAdjuster.Adjust([L858RFirstGeneration, T790MFirstGenerationResistance], samples, [Erlotinib]);

        var erlotinib = adjusted[0];
        Assert.Equal(DiscordanceVerdict.Contraindicated, erlotinib.Verdict);
        var note = Assert.Single(erlotinib.Notes);
        Assert.Equal(["erlotinib", "gefitinib"], note.Drugs);
        Assert.Equal([Erlotinib], note.PriorExposures);
        Assert.Equal([new FindingCitation("url", "https://civicdb.org/evidence/2994"), new FindingCitation("pmid", "25668228")], erlotinib.Citations);
        Assert.Contains("EGFR L858R", note.Rationale, StringComparison.Ordinal);
        Assert.Contains("only in the primary (report primary, 2019-03-01)", note.Rationale, StringComparison.Ordinal);
        Assert.Contains("metastasis (report liver-met, 2021-02-01) acquired EGFR T790M", note.Rationale, StringComparison.Ordinal);
        Assert.Contains("rule egfr-t790m-resistance", note.Rationale, StringComparison.Ordinal);
        Assert.Contains("erlotinib from 2019-04-01 to 2021-01-10", note.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_the_textbook_T790M_pair_When_adjusting_Then_osimertinib_is_emergent_after_erlotinib_and_first_generation_TKIs_note_the_resistance()
    {
        var metastasis = Report("liver-met", SpecimenRole.Metastasis, "2021-02-01", Snv("EGFR", "L858R", 0.4m), Snv("EGFR", "T790M", 0.12m));
        var samples = PatientSamples.From([LungPrimary, metastasis]);

        var adjusted = DiscordanceAdjuster.Adjust([L858RFirstGeneration, T790MOsimertinib, T790MFirstGenerationResistance], samples, [Erlotinib]);

        var (firstGeneration, osimertinib, resistance) = (adjusted[0], adjusted[1], adjusted[2]);
        Assert.Equal((DiscordanceVerdict.ResistanceAcquired, RecommendationSample.Both), (firstGeneration.Verdict, firstGeneration.Attribution?.Sample));
        Assert.Equal((DiscordanceVerdict.None, RecommendationSample.Metastasis, true), (osimertinib.Verdict, osimertinib.Attribution?.Sample, osimertinib.Attribution?.Emergent));
        Assert.Equal([Erlotinib], osimertinib.TherapiesBetweenSamples);
        Assert.Equal((DiscordanceVerdict.None, true), (resistance.Verdict, resistance.Attribution?.Emergent));
        Assert.Equal([Erlotinib], resistance.TherapiesBetweenSamples);
    }

    [Fact]
    public void A_primary_only_finding_without_acquired_resistance_to_its_drugs_is_not_contraindicated()
    {
        var metastasis = Report("liver-met", SpecimenRole.Metastasis, "2021-02-01", Snv("EGFR", "T790M", 0.12m));
        var samples = PatientSamples.From([LungPrimary, metastasis]);
        var osimertinibResistance = T790MFirstGenerationResistance with { Drugs = ["osimertinib"] };

        var adjusted = DiscordanceAdjuster.Adjust([L858RFirstGeneration, osimertinibResistance], samples, []);

        Assert.Equal((DiscordanceVerdict.None, RecommendationSample.Primary), (adjusted[0].Verdict, adjusted[0].Attribution?.Sample));
        Assert.Empty(adjusted[0].Notes);
        Assert.Equal(L858RFirstGeneration.Citations, adjusted[0].Citations);
    }

    [Fact]
    public void A_resistance_alteration_already_in_the_primary_is_not_acquired_and_contraindicates_nothing()
    {
        var deNovo = Report("primary", SpecimenRole.Primary, "2019-03-01", Snv("EGFR", "L858R", 0.35m), Snv("EGFR", "T790M", 0.3m));
        var metastasis = Report("liver-met", SpecimenRole.Metastasis, "2021-02-01", Snv("EGFR", "T790M", 0.3m));

        var adjusted = DiscordanceAdjuster.Adjust([L858RFirstGeneration, T790MFirstGenerationResistance], PatientSamples.From([deNovo, metastasis]), [Erlotinib]);

        Assert.All(adjusted, a => Assert.Equal(DiscordanceVerdict.None, a.Verdict));
    }

    [Fact]
    public void Given_ESR1_acquired_under_letrozole_When_adjusting_Then_the_resistance_finding_lists_letrozole_as_given_between_the_samples()
    {
        var primary = Report("breast-primary", SpecimenRole.Primary, "2017-06-01", Snv("PIK3CA", "H1047R", 0.31m));
        var metastasis = Report("bone-met", SpecimenRole.Metastasis, "2022-09-01", Snv("PIK3CA", "H1047R", 0.28m), Snv("ESR1", "D538G", 0.14m));
        var letrozole = new PriorTherapy(["letrozole"], Date("2017-08-01"), Date("2022-08-01"));
        var tamoxifenBeforePrimary = new PriorTherapy(["tamoxifen"], Date("2010-01-01"), Date("2015-01-01"));
        var aromataseResistance = new TherapyFinding(
            ["letrozole", "anastrozole", "exemestane"], FindingEffect.Resistant, "ESR1 D538G", "esr1-lbd-ai-resistance", [new("pmid", "24185512"), new("pmid", "24185510")]);

        var adjusted = DiscordanceAdjuster.Adjust([aromataseResistance], PatientSamples.From([primary, metastasis]), [tamoxifenBeforePrimary, letrozole]);

        var esr1 = Assert.Single(adjusted);
        Assert.Equal((RecommendationSample.Metastasis, true), (esr1.Attribution?.Sample, esr1.Attribution?.Emergent));
        Assert.Equal([letrozole], esr1.TherapiesBetweenSamples);
    }

    [Fact]
    public void Given_ALK_G1202R_acquired_after_alectinib_When_a_primary_only_fusion_finding_names_alectinib_Then_it_is_contraindicated()
    {
        var primary = Report("primary", SpecimenRole.Primary, "2018-04-01", Fusion("EML4", "ALK"));
        var metastasis = Report("brain-met", SpecimenRole.Metastasis, "2021-08-01", Snv("ALK", "G1202R", 0.15m)).Panel("ALK", "EGFR");
        var fusionSensitive = new TherapyFinding(["alectinib"], FindingEffect.Sensitive, "EML4::ALK", "alk-fusion-nsclc", [new("url", "https://civicdb.org/evidence/1187")]);
        var g1202rResistant = new TherapyFinding(
            ["alectinib", "crizotinib", "ceritinib", "brigatinib"], FindingEffect.Resistant, "ALK G1202R", "alk-g1202r-resistance", [new("url", "https://civicdb.org/evidence/1357")]);

        var adjusted = DiscordanceAdjuster.Adjust([fusionSensitive, g1202rResistant], PatientSamples.From([primary, metastasis]), []);

        Assert.Equal(DiscordanceVerdict.Contraindicated, adjusted[0].Verdict);
        Assert.Equal(["alectinib"], Assert.Single(adjusted[0].Notes).Drugs);
        Assert.Empty(adjusted[0].Notes[0].PriorExposures);
    }

    [Fact]
    public void A_finding_on_an_alteration_no_tumour_report_carries_is_passed_through_unattributed()
    {
        var orphan = L858RFirstGeneration with { AlterationKey = "EGFR G719A" };

        var adjusted = DiscordanceAdjuster.Adjust([orphan], PatientSamples.From([LungPrimary]), []);

        Assert.Equal((null, DiscordanceVerdict.None), (adjusted[0].Attribution, adjusted[0].Verdict));
    }

    [Fact]
    public void Prior_therapies_started_after_the_governing_sample_are_not_exposures_before_it()
    {
        var metastasis = Report("liver-met", SpecimenRole.Metastasis, "2021-02-01", Snv("EGFR", "T790M", 0.12m));
        var erlotinibAfter = new PriorTherapy(["erlotinib"], Date("2021-03-01"), null);

        var adjusted = DiscordanceAdjuster.Adjust([L858RFirstGeneration, T790MFirstGenerationResistance], PatientSamples.From([LungPrimary, metastasis]), [erlotinibAfter]);

        Assert.Equal(DiscordanceVerdict.Contraindicated, adjusted[0].Verdict);
        Assert.Empty(adjusted[0].Notes[0].PriorExposures);
        Assert.Empty(adjusted[1].TherapiesBetweenSamples);
    }
}
