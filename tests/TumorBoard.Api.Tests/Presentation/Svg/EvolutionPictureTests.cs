using System.Globalization;
using System.Xml.Linq;
using TumorBoard.Api.Presentation.Svg;
using TumorBoard.Core.Evolution;
using TumorBoard.Core.Patients;
using static TumorBoard.Core.Tests.Pairs.PairFixtures;

namespace TumorBoard.Api.Tests.Presentation.Svg;

/// <summary>
/// The evolution pictures. Set TUMORBOARD_EXAMPLE_EVOLUTION to a directory to (re)write the committed examples of
/// docs/evolution.md: <c>TUMORBOARD_EXAMPLE_EVOLUTION=$PWD/docs/images dotnet test tests/TumorBoard.Api.Tests --filter EvolutionPictureTests</c>.
/// </summary>
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

    /// <summary>EGFR L858R lung adenocarcinoma: T790M emerges in plasma under erlotinib, then C797S under osimertinib (the golden case's facts).</summary>
    [Fact]
    public void The_documented_example_flags_T790M_under_erlotinib_and_C797S_under_osimertinib()
    {
        var evolution = EvolutionBuilder.Build(new EvolutionInput(
            [
                Report("p", SpecimenRole.Primary, "2023-01-10", Snv("EGFR", "L858R", 0.35m), Snv("TP53", "R273H", 0.30m)),
                Report("c1", SpecimenRole.Ctdna, "2023-09-01", Snv("EGFR", "L858R", 0.02m)).Panel("EGFR", "KRAS", "MET"),
                Report("c2", SpecimenRole.Ctdna, "2024-01-10", Snv("EGFR", "L858R", 0.04m), Snv("EGFR", "T790M", 0.01m)).Panel("EGFR", "KRAS", "MET"),
                Report("c3", SpecimenRole.Ctdna, "2024-04-01", Snv("EGFR", "L858R", 0.06m), Snv("EGFR", "T790M", 0.03m)).Panel("EGFR", "KRAS", "MET"),
                Report("c4", SpecimenRole.Ctdna, "2024-10-01", Snv("EGFR", "L858R", 0.05m), Snv("EGFR", "T790M", 0.03m), Snv("EGFR", "C797S", 0.02m)).Panel("EGFR", "KRAS", "MET"),
            ],
            [new PriorTherapy(["erlotinib"], Date("2023-02-01"), Date("2024-04-15")), new PriorTherapy(["osimertinib"], Date("2024-04-20"), null)])
        {
            Resistance =
            [
                new ResistanceLink("EGFR T790M", ["erlotinib"], "LUNG-EGFR-T790M-RES/erlotinib", Appearance, []),
                new ResistanceLink("EGFR C797S", ["osimertinib"], "LUNG-EGFR-C797S-RES/osimertinib", Appearance, []),
            ],
            LimitOfDetectionVaf = 0.005m,
        });
        string[] plasma = ["ctDNA", "Plasma specimen"];
        var picture = new EvolutionPicture("Lung Adenocarcinoma (LUAD)", evolution,
            [["primary", "Lung structure", "Specimen from lung", "2023-01-10"], [.. plasma, "2023-09-01"], [.. plasma, "2024-01-10"], [.. plasma, "2024-04-01"], [.. plasma, "2024-10-01"]]);

        var oncoprint = OncoprintSvg.Render(picture);
        var trajectory = TrajectorySvg.Render(picture);
        WriteWhenAsked("example-evolution.svg", oncoprint);
        WriteWhenAsked("example-trajectory.svg", trajectory);

        Assert.Equal([("EGFR T790M", "c2"), ("EGFR C797S", "c4")], evolution.Progression.Events.Select(e => (e.AlterationKey, e.ToReportId)));
        Assert.Equal(2, XDocument.Parse(trajectory).Descendants().Count(e => (string?)e.Attribute("class") == "progression-point"));
    }

    private static void WriteWhenAsked(string name, string svg)
    {
        if (Environment.GetEnvironmentVariable("TUMORBOARD_EXAMPLE_EVOLUTION") is { Length: > 0 } directory)
        {
            File.WriteAllText(Path.Combine(directory, name), svg);
        }
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
