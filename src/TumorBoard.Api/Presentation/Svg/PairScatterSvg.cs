using System.Globalization;
using System.Xml;
using TumorBoard.Core.Pairs;
using static TumorBoard.Api.Presentation.Svg.ScatterGeometry;

namespace TumorBoard.Api.Presentation.Svg;

/// <summary>
/// Renders a <see cref="PairComparison"/> as the classic VAF-vs-VAF scatter: <c>from</c> on x, <c>to</c> on y,
/// the diagonal where VAF is unchanged, acquired alterations on the y axis (VAF 0 in <c>from</c>) and lost
/// ones on the x axis. Alterations without a VAF to plot (CNAs, fusions, TMB, MSI) are listed under the plot.
/// Pure string building: the same comparison always yields the same bytes.
/// </summary>
public static class PairScatterSvg
{
    private const string SvgNamespace = "http://www.w3.org/2000/svg";

    /// <summary>
    /// The picture. With a <paramref name="context"/> it is board-ready: tumour type in the header, samples named
    /// by role, site, type and date instead of report ids, and the therapies between the samples on a time line.
    /// </summary>
    public static string Render(PairComparison comparison, PairPlotContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var plotted = comparison.Alterations
            .Select(a => (Alteration: a, Position: PositionOf(a)))
            .Where(p => p.Position is not null)
            .Select(p => (p.Alteration, Position: p.Position!.Value))
            .ToList();
        var unplotted = comparison.Alterations.Where(a => PositionOf(a) is null).ToList();
        var timelineHeight = context is null ? 0 : ScatterTimeline.Height(context);
        var listTop = ListTop + timelineHeight;
        var height = listTop + 10 + (LineHeight * Math.Max(1, unplotted.Count));

        var settings = new XmlWriterSettings { Indent = true, NewLineChars = "\n", OmitXmlDeclaration = true };
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var svg = XmlWriter.Create(text, settings))
        {
            svg.WriteStartElement("svg", SvgNamespace);
            svg.WriteAttributeString("width", Num(Width));
            svg.WriteAttributeString("height", Num(height));
            svg.WriteAttributeString("viewBox", $"0 0 {Num(Width)} {Num(height)}");
            // Fonts a printer driver or a PDF viewer has, at sizes that stay legible when the picture is printed at about half its width.
            svg.WriteAttributeString("font-family", "'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif");
            svg.WriteAttributeString("font-size", "14");
            svg.WriteAttributeString("role", "img");

            var (fromRole, toRole) = (ScatterVocabulary.Role(comparison.FromRole), ScatterVocabulary.Role(comparison.ToRole));
            var title = $"VAF {ScatterVocabulary.Role(comparison.FromRole)} vs {ScatterVocabulary.Role(comparison.ToRole)}";
            if (context?.TumourType is { Length: > 0 } tumour)
            {
                title = $"{tumour}: {title}";
            }

            svg.WriteElementString("title", SvgText.Clean(title));
            WriteBackground(svg, height);
            ScatterAxes.Text(svg, "title", 20, 26, "start", title, fontSize: "17", fontWeight: "bold");
            ScatterAxes.Text(svg, "subtitle", 20, 48, "start", Subtitle(comparison, context));
            ScatterAxes.Write(
                svg,
                context is null ? $"VAF in {fromRole} (from, report {comparison.FromReportId})" : $"VAF in {fromRole}, {ScatterTimeline.Date(context.From.At)} (from)",
                context is null ? $"VAF in {toRole} (to, report {comparison.ToReportId})" : $"VAF in {toRole}, {ScatterTimeline.Date(context.To.At)} (to)");
            WritePoints(svg, plotted);
            ScatterLegend.Write(svg);
            if (context is not null)
            {
                ScatterTimeline.Write(svg, context, ListTop - 8);
            }

            WriteUnplotted(svg, unplotted, listTop);
            svg.WriteEndElement();
        }

        return text.ToString() + "\n";
    }

    /// <summary>Where a compared alteration sits, or null when it has no VAF to place it by.</summary>
    internal static (decimal X, decimal Y)? PositionOf(ComparedAlteration a) => a switch
    {
        { Status: PairStatus.Shared, VafFrom: { } x, VafTo: { } y } => (x, y),
        { Status: PairStatus.Acquired, VafTo: { } y } => (0m, y),
        { Status: PairStatus.Lost, VafFrom: { } x } => (x, 0m),
        { Status: PairStatus.NotTested, InTo: true, VafTo: { } y } => (0m, y),
        { Status: PairStatus.NotTested, InFrom: true, VafFrom: { } x } => (x, 0m),
        _ => null,
    };

    private static string Subtitle(PairComparison c, PairPlotContext? context)
    {
        var concordance = c.Concordance is { } value
            ? $"concordance {value.ToString("0.00", CultureInfo.InvariantCulture)} ({c.SharedCount} shared of {c.ComparedCount} compared)"
            : "concordance not defined (no comparable alterations)";
        return context is null
            ? $"from report {c.FromReportId} to report {c.ToReportId}; {concordance}"
            : $"{concordance}; VAF printed as from → to";
    }

    private static void WriteBackground(XmlWriter svg, double height)
    {
        svg.WriteStartElement("rect");
        svg.WriteAttributeString("width", Num(Width));
        svg.WriteAttributeString("height", Num(height));
        svg.WriteAttributeString("fill", "white");
        svg.WriteEndElement();
    }

    private static void WritePoints(XmlWriter svg, IReadOnlyList<(ComparedAlteration Alteration, (decimal X, decimal Y) Position)> plotted)
    {
        var labels = new LabelPlacer();
        foreach (var (_, position) in plotted)
        {
            labels.AddMarker(X(position.X), Y(position.Y));
        }

        svg.WriteStartElement("g");
        svg.WriteAttributeString("class", "points");
        foreach (var (alteration, position) in plotted)
        {
            var (x, y) = (X(position.X), Y(position.Y));
            var flags = string.Join(" ", alteration.Flags.Select(ScatterVocabulary.Flag));
            var flagNote = string.Join(", ", alteration.Flags.Select(ScatterVocabulary.FlagText));
            svg.WriteStartElement("g");
            svg.WriteAttributeString("class", "point");
            svg.WriteAttributeString("data-key", SvgText.Clean(alteration.Key));
            svg.WriteAttributeString("data-status", ScatterVocabulary.Status(alteration.Status));
            svg.WriteAttributeString("data-flags", flags);
            svg.WriteElementString(
                "title",
                SvgText.Clean($"{alteration.Key}: {ScatterVocabulary.StatusText(alteration.Status)}; VAF {Vaf(alteration.VafFrom)} → {Vaf(alteration.VafTo)}"
                    + (flags.Length == 0 ? string.Empty : $"; {flags}")));
            ScatterMarkers.Write(svg, alteration.Status, x, y);
            if (alteration.Flags.Contains(PairFlag.EmergentResistance))
            {
                ScatterMarkers.WriteEmergentRing(svg, x, y);
            }

            var vafNote = $"{Vaf(alteration.VafFrom)} → {Vaf(alteration.VafTo)}";
            var noteLength = vafNote.Length + 1 + (flagNote.Length == 0 ? 0 : flagNote.Length + 3); // gaps and parentheses
            var (labelX, labelY, moved) = labels.Place(x, y, alteration.Key.Length + noteLength);
            if (moved)
            {
                ScatterMarkers.WriteLeader(svg, x, y, labelX, labelY);
            }

            WriteLabel(svg, labelX, labelY, alteration.Key, vafNote, flagNote);
            svg.WriteEndElement();
        }

        svg.WriteEndElement();
    }

    /// <summary>The label is the key (gene and change); the VAFs (from → to) and the flags follow in tspans of the same text.</summary>
    private static void WriteLabel(XmlWriter svg, double x, double y, string key, string vafNote, string flagNote)
    {
        svg.WriteStartElement("text");
        svg.WriteAttributeString("class", "label");
        svg.WriteAttributeString("x", Num(x));
        svg.WriteAttributeString("y", Num(y));
        svg.WriteString(SvgText.Clean(key));
        svg.WriteStartElement("tspan");
        svg.WriteAttributeString("class", "label-vaf");
        svg.WriteAttributeString("fill", "#2d3748");
        svg.WriteAttributeString("dx", "5"); // SVG collapses a leading space, so the gap is a shift
        svg.WriteString(vafNote);
        svg.WriteEndElement();
        if (flagNote.Length > 0)
        {
            svg.WriteStartElement("tspan");
            svg.WriteAttributeString("class", "label-flags");
            svg.WriteAttributeString("font-style", "italic");
            svg.WriteAttributeString("fill", "#4a5568");
            svg.WriteAttributeString("dx", "5"); // SVG collapses a leading space, so the gap is a shift
            svg.WriteString($"({flagNote})");
            svg.WriteEndElement();
        }

        svg.WriteEndElement();
    }

    private static void WriteUnplotted(XmlWriter svg, List<ComparedAlteration> unplotted, double listTop)
    {
        svg.WriteStartElement("g");
        svg.WriteAttributeString("class", "unplotted");
        ScatterAxes.Text(svg, "unplotted-heading", 20, listTop - 8, "start", "Not plotted (no VAF to place them by):");
        var y = listTop + 8;
        if (unplotted.Count == 0)
        {
            ScatterAxes.Text(svg, "unplotted-none", 20, y, "start", "none");
        }

        foreach (var a in unplotted)
        {
            var values = a.ValueFrom is not null || a.ValueTo is not null
                ? $"; value {Vaf(a.ValueFrom)} → {Vaf(a.ValueTo)}"
                : string.Empty;
            ScatterAxes.Text(svg, "unplotted-item", 20, y, "start", $"{a.Key}: {ScatterVocabulary.StatusText(a.Status)}{values}");
            y += LineHeight;
        }

        svg.WriteEndElement();
    }
}
