using System.Xml.Linq;
using TumorBoard.Api.Presentation.Svg;
using TumorBoard.Core.Pairs;
using TumorBoard.Core.Patients;
using static TumorBoard.Core.Tests.Pairs.PairFixtures;

namespace TumorBoard.Api.Tests.Presentation.Svg;

public class BoardReadyScatterTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static PairComparison Pair() => PairComparer.Compare(
        Report("3f1c0b8e-primary", SpecimenRole.Primary, "2023-01-10", Snv("EGFR", "L858R", 0.35m)),
        Report("9a7d22c4-metastasis", SpecimenRole.Metastasis, "2024-06-01", Snv("EGFR", "L858R", 0.40m), Snv("EGFR", "T790M", 0.12m)),
        ResistanceEvidence.FromKeys(["EGFR T790M"]));

    private static PairPlotContext Context(params PriorTherapy[] therapies) => new(
        "Lung Adenocarcinoma (LUAD)",
        new PlotSample("primary, Lung structure, 2023-01-10", Date("2023-01-10")),
        new PlotSample("metastasis, Liver structure, 2024-06-01", Date("2024-06-01")),
        therapies);

    [Fact]
    public void With_a_context_the_header_names_the_tumour_type_and_the_samples_are_named_not_numbered()
    {
        var svg = PairScatterSvg.Render(Pair(), Context());

        var document = XDocument.Parse(svg);
        Assert.Equal("Lung Adenocarcinoma (LUAD): VAF primary vs metastasis", document.Root!.Element(Svg + "title")?.Value);
        Assert.DoesNotContain("3f1c0b8e", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("9a7d22c4", svg, StringComparison.Ordinal);
        var axisTitles = document.Descendants(Svg + "text").Where(t => ((string?)t.Attribute("class"))?.StartsWith("axis-title", StringComparison.Ordinal) == true).Select(t => t.Value);
        Assert.Equal(["VAF in primary, 2023-01-10 (from)", "VAF in metastasis, 2024-06-01 (to)"], axisTitles);
        var names = document.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "timeline-sample-name").Select(t => t.Value);
        Assert.Equal(["From (x): primary, Lung structure, 2023-01-10", "To (y): metastasis, Liver structure, 2024-06-01"], names);
    }

    [Fact]
    public void Every_plotted_point_prints_its_VAF_from_and_to()
    {
        var document = XDocument.Parse(PairScatterSvg.Render(Pair(), Context()));

        var vafs = document.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "point")
            .ToDictionary(g => (string)g.Attribute("data-key")!, g => g.Descendants(Svg + "tspan").Single(t => (string?)t.Attribute("class") == "label-vaf").Value);
        Assert.Equal("0.35 → 0.4", vafs["EGFR L858R"]);
        Assert.Equal("– → 0.12", vafs["EGFR T790M"]);
    }

    [Fact]
    public void Therapies_between_the_samples_are_drawn_on_the_time_line_and_earlier_ones_are_not()
    {
        var erlotinib = new PriorTherapy(["erlotinib"], Date("2023-02-10"), Date("2024-04-01"));
        var earlier = new PriorTherapy(["cisplatin", "pemetrexed"], Date("2021-01-01"), Date("2021-06-01"));

        var document = XDocument.Parse(PairScatterSvg.Render(Pair(), Context(erlotinib, earlier)));

        var timeline = document.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "timeline");
        var labels = timeline.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "timeline-label").Select(t => t.Value);
        Assert.Equal(["erlotinib: 2023-02-10 to 2024-04-01"], labels);
        var bar = Assert.Single(timeline.Descendants(Svg + "rect"));
        // The bar sits on the drawn line (the first sample's date at its left end, the second's at its right) in
        // proportion to the days: erlotinib starts 31 days into the 508 and ends 61 days before the second sample.
        var axis = timeline.Descendants(Svg + "line").Single(l => (string?)l.Attribute("class") == "timeline-axis");
        var (left, right) = (Number(axis, "x1"), Number(axis, "x2"));
        var days = (Date("2024-06-01") - Date("2023-01-10")).TotalDays;
        Assert.Equal(508, days);
        Assert.Equal(left + ((right - left) * 31 / days), Number(bar, "x"), 0.1);
        Assert.Equal(left + ((right - left) * (days - 61) / days), Number(bar, "x") + Number(bar, "width"), 0.2);
    }

    [Fact]
    public void Without_therapies_the_time_line_says_none_were_recorded()
    {
        var document = XDocument.Parse(PairScatterSvg.Render(Pair(), Context()));

        Assert.Single(document.Descendants(Svg + "text"), t => (string?)t.Attribute("class") == "timeline-none" && t.Value == "none recorded");
    }

    private static double Number(XElement element, string attribute) =>
        double.Parse((string)element.Attribute(attribute)!, System.Globalization.CultureInfo.InvariantCulture);
}
