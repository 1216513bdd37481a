using System.Xml;
using TumorBoard.Core.Pairs;
using static TumorBoard.Api.Presentation.Svg.ScatterGeometry;

namespace TumorBoard.Api.Presentation.Svg;

/// <summary>One marker shape and colour per status, so the picture reads without colour too.</summary>
internal static class ScatterMarkers
{
    public const string EmergentColour = "#dd6b20";

    public static string Colour(PairStatus status) => status switch
    {
        PairStatus.Shared => "#2b6cb0",
        PairStatus.Acquired => "#c53030",
        PairStatus.Lost => "#4a5568",
        _ => "#805ad5",
    };

    /// <summary>Shared: filled circle. Acquired: triangle up. Lost: square. Not tested: hollow diamond.</summary>
    public static void Write(XmlWriter svg, PairStatus status, double x, double y)
    {
        var colour = Colour(status);
        switch (status)
        {
            case PairStatus.Shared:
                svg.WriteStartElement("circle");
                svg.WriteAttributeString("class", "marker");
                svg.WriteAttributeString("cx", Num(x));
                svg.WriteAttributeString("cy", Num(y));
                svg.WriteAttributeString("r", "5");
                svg.WriteAttributeString("fill", colour);
                svg.WriteEndElement();
                break;
            case PairStatus.Acquired:
                Polygon(svg, colour, colour, $"{Num(x)},{Num(y - 6)} {Num(x + 6)},{Num(y + 3)} {Num(x - 6)},{Num(y + 3)}");
                break;
            case PairStatus.Lost:
                Polygon(svg, colour, colour, $"{Num(x - 5)},{Num(y - 5)} {Num(x + 5)},{Num(y - 5)} {Num(x + 5)},{Num(y + 5)} {Num(x - 5)},{Num(y + 5)}");
                break;
            default:
                Polygon(svg, "white", colour, $"{Num(x)},{Num(y - 6)} {Num(x + 6)},{Num(y)} {Num(x)},{Num(y + 6)} {Num(x - 6)},{Num(y)}");
                break;
        }
    }

    /// <summary>A ring around a point flagged emergentResistance.</summary>
    public static void WriteEmergentRing(XmlWriter svg, double x, double y)
    {
        svg.WriteStartElement("circle");
        svg.WriteAttributeString("class", "emergent-ring");
        svg.WriteAttributeString("cx", Num(x));
        svg.WriteAttributeString("cy", Num(y));
        svg.WriteAttributeString("r", "10");
        svg.WriteAttributeString("fill", "none");
        svg.WriteAttributeString("stroke", EmergentColour);
        svg.WriteAttributeString("stroke-width", "2");
        svg.WriteEndElement();
    }

    /// <summary>A thin line from a point to a label that had to move away from it.</summary>
    public static void WriteLeader(XmlWriter svg, double x, double y, double labelX, double labelBaseline)
    {
        svg.WriteStartElement("line");
        svg.WriteAttributeString("class", "leader");
        svg.WriteAttributeString("x1", Num(x + 4));
        svg.WriteAttributeString("y1", Num(y - 4));
        svg.WriteAttributeString("x2", Num(labelX - 2));
        svg.WriteAttributeString("y2", Num(labelBaseline - 4));
        svg.WriteAttributeString("stroke", "#a0aec0");
        svg.WriteAttributeString("stroke-width", "0.75");
        svg.WriteEndElement();
    }

    private static void Polygon(XmlWriter svg, string fill, string stroke, string points)
    {
        svg.WriteStartElement("polygon");
        svg.WriteAttributeString("class", "marker");
        svg.WriteAttributeString("points", points);
        svg.WriteAttributeString("fill", fill);
        svg.WriteAttributeString("stroke", stroke);
        svg.WriteAttributeString("stroke-width", "1.5");
        svg.WriteEndElement();
    }
}
