using System.Globalization;
using System.Xml;
using TumorBoard.Core.Patients;
using static TumorBoard.Api.Presentation.Svg.ScatterGeometry;

namespace TumorBoard.Api.Presentation.Svg;

/// <summary>
/// The two samples by name, and the therapies received between them, drawn under the plot on a time line that
/// runs from the first sample's date to the second's: one bar per therapy, clipped to the interval, with its
/// drugs and dates written beside it. A therapy or a sample without dates is listed with "date unknown".
/// </summary>
internal static class ScatterTimeline
{
    private const double Left = PlotLeft;
    private const double Right = 740;
    private const double RowHeight = 20;

    /// <summary>The therapies the line shows: started before the later sample and not ended before the earlier one.</summary>
    public static IReadOnlyList<PriorTherapy> Between(PairPlotContext context) =>
        context.Therapies
            .Where(t => t.Start is null || context.To.At is null || t.Start < context.To.At)
            .Where(t => t.End is null || context.From.At is null || t.End >= context.From.At)
            .OrderBy(t => t.Start ?? DateTimeOffset.MinValue)
            .ToList();

    /// <summary>The height the time line takes (heading, axis and one row per therapy).</summary>
    public static double Height(PairPlotContext context) => 96 + (RowHeight * Math.Max(1, Between(context).Count));

    public static void Write(XmlWriter svg, PairPlotContext context, double top)
    {
        var therapies = Between(context);
        svg.WriteStartElement("g");
        svg.WriteAttributeString("class", "timeline");
        ScatterAxes.Text(svg, "timeline-sample-name", 20, top, "start", $"From (x): {context.From.Name}");
        ScatterAxes.Text(svg, "timeline-sample-name", 20, top + 18, "start", $"To (y): {context.To.Name}");
        ScatterAxes.Text(svg, "timeline-heading", 20, top + 42, "start", "Therapies received between the samples", fontWeight: "bold");
        var axisY = top + 64;
        SvgCanvas.Line(svg, "timeline-axis", Left, axisY, Right, axisY, "#1a202c", "1.5");
        SampleTick(svg, Left, axisY, "start", context.From);
        SampleTick(svg, Right, axisY, "end", context.To);

        var y = axisY + 22;
        if (therapies.Count == 0)
        {
            ScatterAxes.Text(svg, "timeline-none", Left, y + 4, "start", "none recorded");
        }

        foreach (var therapy in therapies)
        {
            var (x1, x2) = (Position(context, therapy.Start, Left), Position(context, therapy.End, Right));
            svg.WriteStartElement("rect");
            svg.WriteAttributeString("class", "timeline-bar");
            svg.WriteAttributeString("x", Num(x1));
            svg.WriteAttributeString("y", Num(y - 6));
            svg.WriteAttributeString("width", Num(Math.Max(4, x2 - x1)));
            svg.WriteAttributeString("height", "10");
            svg.WriteAttributeString("fill", "#2c5282");
            svg.WriteEndElement();
            var label = $"{string.Join(" + ", therapy.Drugs)}: {Date(therapy.Start)} to {(therapy.End is null ? "ongoing or unknown" : Date(therapy.End))}";
            var labelAtEnd = x2 + 8 + (label.Length * CharWidth) <= Width;
            ScatterAxes.Text(svg, "timeline-label", labelAtEnd ? x2 + 8 : x1, labelAtEnd ? y + 4 : y - 9, "start", label);
            y += RowHeight;
        }

        svg.WriteEndElement();
    }

    /// <summary>Where a date sits on the line; outside the interval (or unknown) it is clipped to the given edge.</summary>
    private static double Position(PairPlotContext context, DateTimeOffset? at, double whenUnknown)
    {
        if (at is not { } when || context.From.At is not { } from || context.To.At is not { } to || to <= from)
        {
            return whenUnknown;
        }

        var fraction = Math.Clamp((when - from).TotalDays / (to - from).TotalDays, 0, 1);
        return Left + (fraction * (Right - Left));
    }

    private static void SampleTick(XmlWriter svg, double x, double axisY, string anchor, PlotSample sample)
    {
        SvgCanvas.Line(svg, "timeline-tick", x, axisY - 6, x, axisY + 6, "#1a202c", "1.5");
        ScatterAxes.Text(svg, "timeline-sample", x, axisY - 10, anchor, Date(sample.At));
    }

    public static string Date(DateTimeOffset? at) =>
        at is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "date unknown";

}
