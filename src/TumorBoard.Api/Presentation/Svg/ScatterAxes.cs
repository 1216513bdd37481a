using System.Globalization;
using System.Xml;
using static TumorBoard.Api.Presentation.Svg.ScatterGeometry;

namespace TumorBoard.Api.Presentation.Svg;

/// <summary>Grid, ticks every 0.2, axis lines and titles, and the dashed diagonal where VAF is unchanged.</summary>
internal static class ScatterAxes
{
    private static readonly decimal[] Ticks = [0m, 0.2m, 0.4m, 0.6m, 0.8m, 1m];

    public static void Write(XmlWriter svg, string xTitle, string yTitle)
    {
        svg.WriteStartElement("g");
        svg.WriteAttributeString("class", "axes");
        foreach (var tick in Ticks)
        {
            var label = tick.ToString("0.0", CultureInfo.InvariantCulture);
            Line(svg, "grid", X(tick), PlotTop, X(tick), PlotBottom, "#e2e8f0");
            Line(svg, "grid", PlotLeft, Y(tick), PlotRight, Y(tick), "#e2e8f0");
            Line(svg, "tick", X(tick), PlotBottom, X(tick), PlotBottom + 5, "#1a202c");
            Line(svg, "tick", PlotLeft - 5, Y(tick), PlotLeft, Y(tick), "#1a202c");
            Text(svg, "tick-label x-tick", X(tick), PlotBottom + 18, "middle", label);
            Text(svg, "tick-label y-tick", PlotLeft - 8, Y(tick) + 4, "end", label);
        }

        svg.WriteStartElement("line");
        svg.WriteAttributeString("class", "diagonal");
        svg.WriteAttributeString("x1", Num(X(0m)));
        svg.WriteAttributeString("y1", Num(Y(0m)));
        svg.WriteAttributeString("x2", Num(X(1m)));
        svg.WriteAttributeString("y2", Num(Y(1m)));
        svg.WriteAttributeString("stroke", "#a0aec0");
        svg.WriteAttributeString("stroke-dasharray", "5 4");
        svg.WriteEndElement();

        Line(svg, "axis x-axis", PlotLeft, PlotBottom, PlotRight, PlotBottom, "#1a202c");
        Line(svg, "axis y-axis", PlotLeft, PlotTop, PlotLeft, PlotBottom, "#1a202c");
        Text(svg, "axis-title x-title", PlotLeft + (PlotSize / 2), PlotBottom + 40, "middle", xTitle);

        var yMid = PlotTop + (PlotSize / 2);
        svg.WriteStartElement("text");
        svg.WriteAttributeString("class", "axis-title y-title");
        svg.WriteAttributeString("x", Num(PlotLeft - 50));
        svg.WriteAttributeString("y", Num(yMid));
        svg.WriteAttributeString("text-anchor", "middle");
        svg.WriteAttributeString("transform", $"rotate(-90 {Num(PlotLeft - 50)} {Num(yMid)})");
        svg.WriteString(SvgText.Clean(yTitle));
        svg.WriteEndElement();
        svg.WriteEndElement();
    }

    /// <summary>A text element; the optional presentation attributes are written only when given.</summary>
    public static void Text(
        XmlWriter svg,
        string cssClass,
        double x,
        double y,
        string anchor,
        string text,
        string? fontSize = null,
        string? fontWeight = null,
        string? fontStyle = null,
        string? fill = null)
    {
        svg.WriteStartElement("text");
        svg.WriteAttributeString("class", cssClass);
        svg.WriteAttributeString("x", Num(x));
        svg.WriteAttributeString("y", Num(y));
        svg.WriteAttributeString("text-anchor", anchor);
        WriteOptional(svg, "font-size", fontSize);
        WriteOptional(svg, "font-weight", fontWeight);
        WriteOptional(svg, "font-style", fontStyle);
        WriteOptional(svg, "fill", fill);
        svg.WriteString(SvgText.Clean(text));
        svg.WriteEndElement();
    }

    private static void WriteOptional(XmlWriter svg, string name, string? value)
    {
        if (value is not null)
        {
            svg.WriteAttributeString(name, value);
        }
    }

    private static void Line(XmlWriter svg, string cssClass, double x1, double y1, double x2, double y2, string stroke)
    {
        svg.WriteStartElement("line");
        svg.WriteAttributeString("class", cssClass);
        svg.WriteAttributeString("x1", Num(x1));
        svg.WriteAttributeString("y1", Num(y1));
        svg.WriteAttributeString("x2", Num(x2));
        svg.WriteAttributeString("y2", Num(y2));
        svg.WriteAttributeString("stroke", stroke);
        svg.WriteEndElement();
    }
}
