using System.Xml;
using TumorBoard.Core.Pairs;
using static TumorBoard.Api.Presentation.Svg.ScatterGeometry;

namespace TumorBoard.Api.Presentation.Svg;

/// <summary>The legend: one entry per status marker, plus the emergent-resistance ring and the diagonal.</summary>
internal static class ScatterLegend
{
    private static readonly PairStatus[] Statuses = [PairStatus.Shared, PairStatus.Acquired, PairStatus.Lost, PairStatus.NotTested];

    public static void Write(XmlWriter svg)
    {
        svg.WriteStartElement("g");
        svg.WriteAttributeString("class", "legend");
        ScatterAxes.Text(svg, "legend-title", LegendLeft, PlotTop, "start", "Legend");
        var y = PlotTop + 22;
        foreach (var status in Statuses)
        {
            ScatterMarkers.Write(svg, status, LegendLeft + 8, y);
            ScatterAxes.Text(svg, "legend-item", LegendLeft + 22, y + 4, "start", ScatterVocabulary.StatusText(status));
            y += 22;
        }

        ScatterMarkers.WriteEmergentRing(svg, LegendLeft + 8, y);
        ScatterAxes.Text(svg, "legend-item", LegendLeft + 22, y + 4, "start", "emergent resistance");
        y += 22;

        svg.WriteStartElement("line");
        svg.WriteAttributeString("x1", Num(LegendLeft));
        svg.WriteAttributeString("y1", Num(y));
        svg.WriteAttributeString("x2", Num(LegendLeft + 16));
        svg.WriteAttributeString("y2", Num(y));
        svg.WriteAttributeString("stroke", "#a0aec0");
        svg.WriteAttributeString("stroke-dasharray", "5 4");
        svg.WriteEndElement();
        ScatterAxes.Text(svg, "legend-item", LegendLeft + 22, y + 4, "start", "unchanged VAF");
        svg.WriteEndElement();
    }
}
