using System.Globalization;
using System.Xml.Linq;
using TumorBoard.Api.Presentation.Svg;
using TumorBoard.Core.Evolution;
using TumorBoard.Core.Patients;
using static TumorBoard.Core.Tests.Pairs.PairFixtures;

namespace TumorBoard.Api.Tests.Presentation.Svg;

public class EvolutionPictureTests
{
    private static readonly ProgressionRule Appearance = new("resistance-appearance", [], null, ProgressionTrigger.Appearance, ClonalHaematopoiesisHandling.Suppress, [], "test");

    private static EvolutionPicture Picture()
    {
        var evolution = EvolutionBuilder.Build(new EvolutionInput(
            [
                Report("p", SpecimenRole.Primary, "2020-01-01", Snv("EGFR", "L858R", 0.35m), Snv("TP53", "R273H", 0.3m)).Panel("EGFR", "TP53"),
                Report("c1", SpecimenRole.Ctdna, "2020-09-01", Snv("EGFR", "L858R", 0.02m)).Panel("EGFR"),
                Report("c2", SpecimenRole.Ctdna, "2021-01-01", Snv("EGFR", "L858R", 0.04m), Snv("EGFR", "T790M", 0.01m)).Panel("EGFR"),
            ],
            [new PriorTherapy(["erlotinib"], Date("2020-02-01"), null)])
        {
            Resistance = [new ResistanceLink("EGFR T790M", ["erlotinib"], "LUNG-EGFR-T790M-RES/erlotinib", Appearance, [])],
            LimitOfDetectionVaf = 0.005m,
        });
        return new EvolutionPicture("Lung Adenocarcinoma (LUAD)", evolution,
            [["primary", "Lung structure", "2020-01-01"], ["ctDNA", "Plasma", "2020-09-01"], ["ctDNA", "Plasma", "2021-01-01"]]);
    }

    [Fact]
    public void The_oncoprint_has_a_row_per_alteration_coloured_by_class_with_VAF_printed_and_not_tested_cells_marked()
    {
        var svg = XDocument.Parse(OncoprintSvg.Render(Picture()));

        var rows = svg.Descendants().Where(e => (string?)e.Attribute("class") == "row").ToList();
        Assert.Equal([("EGFR L858R", "truncal"), ("TP53 R273H", "private"), ("EGFR T790M", "emergent")],
            rows.Select(r => ((string?)r.Attribute("data-key"), (string?)r.Attribute("data-class"))));
        var t790m = rows.Single(r => (string?)r.Attribute("data-key") == "EGFR T790M");
        Assert.Equal(["–", "–", "0.01 ▲"], t790m.Descendants().Where(e => (string?)e.Attribute("class") == "cell-value").Select(e => e.Value));
        var tp53 = rows.Single(r => (string?)r.Attribute("data-key") == "TP53 R273H");
        Assert.Equal(["detected", "notTested", "notTested"], tp53.Descendants().Where(e => (string?)e.Attribute("class") == "cell").Select(e => (string?)e.Attribute("data-state")));
        Assert.Equal(["primary", "ctDNA", "ctDNA"], svg.Descendants().Where(e => (string?)e.Attribute("class") == "sample-role").Select(e => e.Value));
    }

    [Fact]
    public void The_trajectory_draws_the_therapy_band_the_plasma_lines_and_rings_the_progression_point()
    {
        var svg = XDocument.Parse(TrajectorySvg.Render(Picture()));

        Assert.Equal("erlotinib", (string?)Assert.Single(svg.Descendants(), e => (string?)e.Attribute("class") == "therapy-band").Attribute("data-drugs"));
        Assert.Equal(["EGFR T790M", "EGFR L858R"], svg.Descendants().Where(e => (string?)e.Attribute("class") == "trajectory").Select(e => (string?)e.Attribute("data-key")));
        Assert.Equal("EGFR T790M", (string?)Assert.Single(svg.Descendants(), e => (string?)e.Attribute("class") == "progression-point").Attribute("data-key"));
    }

    [Theory]
    [InlineData("oncoprint")]
    [InlineData("trajectory")]
    public void Every_text_of_the_evolution_pictures_is_at_least_12_px_so_it_prints_legibly(string picture)
    {
        var text = picture == "oncoprint" ? OncoprintSvg.Render(Picture()) : TrajectorySvg.Render(Picture());
        var svg = XDocument.Parse(text);

        var sizes = svg.Descendants().Where(e => e.Name.LocalName == "text")
            .Select(e => (string?)e.Attribute("font-size") ?? (string?)svg.Root!.Attribute("font-size"))
            .Select(s => double.Parse(s!, CultureInfo.InvariantCulture))
            .ToList();
        Assert.NotEmpty(sizes);
        Assert.True(sizes.Min() >= 12, $"smallest text {sizes.Min()} px");
    }
}
