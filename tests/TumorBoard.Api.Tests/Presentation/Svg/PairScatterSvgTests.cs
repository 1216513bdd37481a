using System.Globalization;
using System.Xml.Linq;
using TumorBoard.Api.Presentation.Svg;
using TumorBoard.Core.Alterations;
using TumorBoard.Core.Pairs;
using TumorBoard.Core.Patients;
using static TumorBoard.Core.Tests.Pairs.PairFixtures;

namespace TumorBoard.Api.Tests.Presentation.Svg;

public class PairScatterSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static PairComparison T790MPair() => PairComparer.Compare(
        Report("primary", SpecimenRole.Primary, "2019-03-01",
            Snv("EGFR", "L858R", 0.35m), Snv("TP53", "R273H", 0.30m), Snv("PIK3CA", "E545K", 0.10m), Snv("STK11", "Q37*", 0.2m)),
        Report("liver-met", SpecimenRole.Metastasis, "2021-02-01",
            Snv("EGFR", "L858R", 0.40m), Snv("TP53", "R273H", 0.38m), Snv("EGFR", "T790M", 0.08m), Amplification("MET", 9m))
            .Panel("EGFR", "TP53", "PIK3CA", "MET"),
        ResistanceEvidence.FromKeys(["EGFR T790M"]));

    [Fact]
    public void The_scatter_is_well_formed_SVG_with_every_element_in_the_SVG_namespace()
    {
        var document = XDocument.Parse(PairScatterSvg.Render(T790MPair()));

        Assert.Equal(Svg + "svg", document.Root!.Name);
        Assert.All(document.Descendants(), e => Assert.Equal(Svg, e.Name.Namespace));
        Assert.Equal("VAF primary vs metastasis", document.Root.Element(Svg + "title")?.Value);
    }

    [Fact]
    public void Every_alteration_with_a_VAF_is_one_labelled_point_and_the_others_are_listed_below()
    {
        var comparison = T790MPair();

        var document = XDocument.Parse(PairScatterSvg.Render(comparison));

        var points = Points(document);
        Assert.Equal(
            comparison.Alterations.Where(a => a.Kind != AlterationKind.Cna).Select(a => a.Key).Order(StringComparer.Ordinal),
            points.Select(p => (string)p.Attribute("data-key")!).Order(StringComparer.Ordinal));
        Assert.All(points, p => Assert.Equal((string)p.Attribute("data-key")!, Label(p)));
        var unplotted = document.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "unplotted-item").Select(t => t.Value);
        Assert.Equal(["MET amplification: acquired (to only)"], unplotted);
    }

    [Fact]
    public void Acquired_points_sit_on_the_y_axis_lost_points_on_the_x_axis_each_at_its_VAF()
    {
        var document = XDocument.Parse(PairScatterSvg.Render(T790MPair()));
        // The scale is read from the picture itself: the diagonal runs from VAF (0, 0) to (1, 1).
        var diagonal = document.Descendants(Svg + "line").Single(l => Class(l) == "diagonal");
        var origin = (X: Attr(diagonal, "x1"), Y: Attr(diagonal, "y1"));
        var unit = (X: Attr(diagonal, "x2") - origin.X, Y: origin.Y - Attr(diagonal, "y2"));
        var yAxisX = Attr(document.Descendants(Svg + "line").Single(l => Class(l) == "axis y-axis"), "x1");
        var xAxisY = Attr(document.Descendants(Svg + "line").Single(l => Class(l) == "axis x-axis"), "y1");

        var acquired = Centre(Point(document, "EGFR T790M"));
        var lost = Centre(Point(document, "PIK3CA E545K"));
        var notTested = Centre(Point(document, "STK11 Q37*"));
        var rising = Centre(Point(document, "EGFR L858R"));

        Assert.True(unit.X > 0 && unit.Y > 0, "VAF grows rightwards and upwards");
        Assert.Equal((yAxisX, xAxisY), origin, new CoordinateComparer());
        Assert.Equal((yAxisX, origin.Y - (0.08 * unit.Y)), acquired, new CoordinateComparer());
        Assert.Equal((origin.X + (0.10 * unit.X), xAxisY), lost, new CoordinateComparer());
        Assert.Equal((origin.X + (0.20 * unit.X), xAxisY), notTested, new CoordinateComparer());
        Assert.True(notTested.X > lost.X, "the higher earlier VAF (0.20) sits right of the lower one (0.10)");
        // L858R rose from 0.35 to 0.40: above the diagonal (SVG y grows downwards).
        Assert.True(rising.Y < origin.Y - ((rising.X - origin.X) / unit.X * unit.Y), "a rising VAF plots above the diagonal");
    }

    [Fact]
    public void Each_status_has_its_own_marker_and_emergent_resistance_a_ring()
    {
        var document = XDocument.Parse(PairScatterSvg.Render(T790MPair()));

        var signatures = new[] { "EGFR L858R", "EGFR T790M", "PIK3CA E545K", "STK11 Q37*" }
            .Select(key => MarkerSignature(Point(document, key)))
            .ToList();

        Assert.Equal(4, signatures.Distinct().Count());
        Assert.Single(Point(document, "EGFR T790M").Elements(Svg + "circle"), c => (string?)c.Attribute("class") == "emergent-ring");
        Assert.Equal("emergentResistance subclonal", (string?)Point(document, "EGFR T790M").Attribute("data-flags"));
    }

    [Fact]
    public void The_picture_has_ticks_on_both_axes_a_diagonal_and_a_legend()
    {
        var document = XDocument.Parse(PairScatterSvg.Render(T790MPair()));

        var texts = document.Descendants(Svg + "text").ToList();
        Assert.Equal(["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"], texts.Where(t => Class(t) == "tick-label x-tick").Select(t => t.Value));
        Assert.Equal(6, texts.Count(t => Class(t) == "tick-label y-tick"));
        Assert.Single(document.Descendants(Svg + "line"), l => Class(l) == "diagonal");
        var legend = document.Descendants(Svg + "g").Single(g => Class(g) == "legend");
        Assert.Contains("acquired (to only)", legend.Descendants(Svg + "text").Select(t => t.Value));
        Assert.Contains("concordance 0.40 (2 shared of 5 compared)", texts.Single(t => Class(t) == "subtitle").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_from_reports_is_escaped_and_characters_XML_cannot_carry_are_replaced()
    {
        var hostile = Snv("EGFR", "<script>&\"'\u0001", 0.3m);
        var comparison = PairComparer.Compare(
            Report("a&b<c>", SpecimenRole.Primary, "2019-01-01", hostile),
            Report("d", SpecimenRole.Metastasis, "2020-01-01", hostile));

        var svg = PairScatterSvg.Render(comparison);
        var document = XDocument.Parse(svg);

        Assert.DoesNotContain("<script>", svg, StringComparison.Ordinal);
        Assert.Equal("EGFR <script>&\"'\uFFFD", Label(Assert.Single(Points(document))));
        Assert.Contains("report a&b<c>", document.Descendants(Svg + "text").Single(t => Class(t) == "subtitle").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Rendering_the_same_comparison_twice_gives_the_same_text()
    {
        Assert.Equal(PairScatterSvg.Render(T790MPair()), PairScatterSvg.Render(T790MPair()));
    }

    [Fact]
    public void An_empty_comparison_renders_axes_without_points_and_says_concordance_is_undefined()
    {
        var comparison = PairComparer.Compare(Report("a", SpecimenRole.Primary, "2019-01-01"), Report("b", SpecimenRole.Ctdna, "2020-01-01"));

        var document = XDocument.Parse(PairScatterSvg.Render(comparison));

        Assert.Empty(Points(document));
        Assert.Contains("concordance not defined", document.Descendants(Svg + "text").Single(t => Class(t) == "subtitle").Value, StringComparison.Ordinal);
    }

    private static List<XElement> Points(XDocument document) =>
        document.Descendants(Svg + "g").Where(g => Class(g) == "point").ToList();

    private static XElement Point(XDocument document, string key) =>
        Points(document).Single(p => (string?)p.Attribute("data-key") == key);

    /// <summary>The label's own text, without the flags tspan that follows it.</summary>
    private static string Label(XElement point) =>
        point.Elements(Svg + "text").Single(t => Class(t) == "label").Nodes().OfType<XText>().First().Value;

    private static string? Class(XElement element) => (string?)element.Attribute("class");

    private static string MarkerSignature(XElement point)
    {
        var marker = point.Elements().Single(e => Class(e) == "marker");
        var corners = ((string?)marker.Attribute("points"))?.Split(' ').Length ?? 0;
        return $"{marker.Name.LocalName}/{corners}/{(string?)marker.Attribute("fill")}";
    }

    /// <summary>The marker's centre: a circle's centre, or the mean of a polygon's corners.</summary>
    private static (double X, double Y) Centre(XElement point)
    {
        var marker = point.Elements().Single(e => Class(e) == "marker");
        if (marker.Name.LocalName == "circle")
        {
            return (Parse((string)marker.Attribute("cx")!), Parse((string)marker.Attribute("cy")!));
        }

        var corners = ((string)marker.Attribute("points")!).Split(' ').Select(p => p.Split(',')).Select(p => (X: Parse(p[0]), Y: Parse(p[1]))).ToList();
        return (corners.Average(c => c.X), corners.Average(c => c.Y));
    }

    private static double Attr(XElement element, string name) => Parse((string)element.Attribute(name)!);

    private static double Parse(string value) => double.Parse(value, CultureInfo.InvariantCulture);

    private sealed class CoordinateComparer : IEqualityComparer<(double X, double Y)>
    {
        public bool Equals((double X, double Y) a, (double X, double Y) b) => Math.Abs(a.X - b.X) < 0.5 && Math.Abs(a.Y - b.Y) < 0.5;

        public int GetHashCode((double X, double Y) obj) => 0;
    }
}
