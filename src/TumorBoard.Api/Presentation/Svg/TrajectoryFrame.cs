using System.Globalization;
using System.Xml;
using TumorBoard.Core.Evolution;
using TumorBoard.Core.Patients;
using static TumorBoard.Api.Presentation.Svg.SvgCanvas;

namespace TumorBoard.Api.Presentation.Svg;

/// <summary>The trajectory plot's frame: therapy bands with their labels above the plot, the VAF grid, axes and draw dates.</summary>
internal static class TrajectoryFrame
{
    public const double BandLabelRow = 18;
    private static readonly string[] BandFills = ["#bee3f8", "#c6f6d5", "#fefcbf", "#fed7e2", "#e9d8fd"];

    public static void WriteBands(XmlWriter svg, IReadOnlyList<PriorTherapy> bands, TrajectoryScale scale)
    {
        svg.WriteStartElement("g");
        svg.WriteAttributeString("class", "therapies");
        for (var i = 0; i < bands.Count; i++)
        {
            var therapy = bands[i];
            var x1 = scale.X(therapy.Start ?? scale.Start);
            var x2 = scale.X(therapy.End ?? scale.End);
            var drugs = string.Join(" + ", therapy.Drugs);
            svg.WriteStartElement("g");
            svg.WriteAttributeString("class", "therapy-band");
            svg.WriteAttributeString("data-drugs", SvgText.Clean(drugs));
            Rect(svg, "band", x1, scale.Top, x2 - x1, scale.Bottom - scale.Top, BandFills[i % BandFills.Length], opacity: "0.6");
            var labelY = scale.Top - 6 - ((bands.Count - 1 - i) * BandLabelRow);
            Line(svg, "band-marker", x1, labelY + 4, x1, scale.Top, "#2c5282", "1.5");
            Text(svg, "band-label", x1 + 4, labelY, "start",
                $"{drugs}: {Date(therapy.Start)} to {(therapy.End is null ? "ongoing" : Date(therapy.End))}", 13, fill: "#1a365d");
            svg.WriteEndElement();
        }

        svg.WriteEndElement();
    }

    public static void WriteAxes(XmlWriter svg, TrajectoryScale scale, IReadOnlyList<EvolutionSample> draws)
    {
        svg.WriteStartElement("g");
        svg.WriteAttributeString("class", "axes");
        for (var tick = 0; tick <= 5; tick++)
        {
            var vaf = scale.YMax * tick / 5m;
            var y = scale.Y(vaf);
            Line(svg, "grid", TrajectoryScale.PlotLeft, y, TrajectoryScale.PlotRight, y, "#e2e8f0");
            Text(svg, "tick-label y-tick", TrajectoryScale.PlotLeft - 8, y + 4, "end", vaf.ToString("0.###", CultureInfo.InvariantCulture), 12);
        }

        Line(svg, "axis x-axis", TrajectoryScale.PlotLeft, scale.Bottom, TrajectoryScale.PlotRight, scale.Bottom, "#1a202c", "1.5");
        Line(svg, "axis y-axis", TrajectoryScale.PlotLeft, scale.Top, TrajectoryScale.PlotLeft, scale.Bottom, "#1a202c", "1.5");
        var lastX = double.NegativeInfinity;
        var row = 0;
        foreach (var draw in draws.Where(d => d.At is not null))
        {
            var x = scale.X(draw.At!.Value);
            row = x - lastX < 84 ? 1 - row : 0; // alternate rows when two draw dates would overlap
            lastX = x;
            Line(svg, "tick", x, scale.Bottom, x, scale.Bottom + 5, "#1a202c");
            Text(svg, "tick-label x-tick", x, scale.Bottom + 20 + (row * 16), "middle", Date(draw.At), 12);
        }

        Text(svg, "axis-title x-title", (TrajectoryScale.PlotLeft + TrajectoryScale.PlotRight) / 2, scale.Bottom + 58, "middle", "Plasma draw date", 14);
        var yMid = (scale.Top + scale.Bottom) / 2;
        svg.WriteStartElement("text");
        svg.WriteAttributeString("class", "axis-title y-title");
        svg.WriteAttributeString("x", Num(TrajectoryScale.PlotLeft - 58));
        svg.WriteAttributeString("y", Num(yMid));
        svg.WriteAttributeString("text-anchor", "middle");
        svg.WriteAttributeString("transform", $"rotate(-90 {Num(TrajectoryScale.PlotLeft - 58)} {Num(yMid)})");
        svg.WriteString("VAF in plasma");
        svg.WriteEndElement();
        svg.WriteEndElement();
    }
}
