using System.Globalization;
using System.Xml;
using TumorBoard.Core.Alterations;
using TumorBoard.Core.Evolution;
using static TumorBoard.Api.Presentation.Svg.SvgCanvas;

namespace TumorBoard.Api.Presentation.Svg;

/// <summary>
/// An oncoprint-like matrix: one row per alteration (grouped by class), one column per sample in collection order
/// (labelled by role, site, type and date), each cell coloured by the alteration's class with its VAF printed; a
/// grey cell is "not detected", a dashed white one "not tested" (outside that sample's panel). A cell where molecular
/// progression was flagged is outlined in red. Pure string building: the same evolution gives the same bytes.
/// </summary>
public static class OncoprintSvg
{
    private const double KeyLeft = 20;
    private const double ClassLeft = 220;
    private const double GridLeft = 360;
    private const double ColumnWidth = 112;
    private const double RowHeight = 26;
    private const double HeaderTop = 74;
    private const double LabelLine = 16;
    private const int LabelChars = 15;

    public static string Render(EvolutionPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        var evolution = picture.Evolution;
        var columns = evolution.Samples.Count;
        var labelLines = picture.SampleLabels.Count == 0 ? 1 : picture.SampleLabels.Max(l => l.Count);
        var gridTop = HeaderTop + (labelLines * LabelLine) + 14;
        var rows = Math.Max(1, evolution.Alterations.Count);
        var legendTop = gridTop + (rows * RowHeight) + 30;
        var width = Math.Max(760, GridLeft + (columns * ColumnWidth) + 20);
        var height = legendTop + 30 + (LabelLine * 1.5 * Math.Ceiling(EvolutionPalette.Classes.Length / 2.0));
        var title = $"{(picture.TumorType is { Length: > 0 } t ? t + ": " : string.Empty)}alterations across {columns} sample{(columns == 1 ? string.Empty : "s")}";
        var progressed = evolution.Progression.Events.Select(e => (AlterationIdentity.OfKey(e.AlterationKey), e.ToReportId)).ToHashSet();

        return Write(width, height, title, svg =>
        {
            Text(svg, "subtitle", 20, 52, "start", "Samples in collection order; cells show VAF (CN for copy number); n/t = outside that sample's panel; * = below the limit of detection", 13);
            WriteHeaders(svg, picture, HeaderTop);
            if (evolution.Alterations.Count == 0)
            {
                Text(svg, "empty", KeyLeft, gridTop + 18, "start", "No alterations reported in any tumour sample.");
            }

            var y = gridTop;
            foreach (var alteration in evolution.Alterations)
            {
                WriteRow(svg, evolution, alteration, y, progressed);
                y += RowHeight;
            }

            WriteLegend(svg, legendTop);
        });
    }

    private static void WriteHeaders(XmlWriter svg, EvolutionPicture picture, double top)
    {
        Text(svg, "column-heading", KeyLeft, top + LabelLine, "start", "Alteration", 14, "bold");
        Text(svg, "column-heading", ClassLeft, top + LabelLine, "start", "Class", 14, "bold");
        for (var i = 0; i < picture.Evolution.Samples.Count; i++)
        {
            var lines = i < picture.SampleLabels.Count ? picture.SampleLabels[i] : [];
            var x = GridLeft + (i * ColumnWidth) + (ColumnWidth / 2) - 3;
            svg.WriteStartElement("g");
            svg.WriteAttributeString("class", "sample");
            svg.WriteAttributeString("data-report", picture.Evolution.Samples[i].ReportId);
            svg.WriteElementString("title", SvgText.Clean(string.Join(", ", lines)));
            for (var l = 0; l < lines.Count; l++)
            {
                Text(svg, l == 0 ? "sample-role" : "sample-label", x, top + ((l + 1) * LabelLine), "middle", Fit(lines[l], LabelChars), l == 0 ? 14 : 12, l == 0 ? "bold" : null);
            }

            svg.WriteEndElement();
        }
    }

    private static void WriteRow(XmlWriter svg, PatientEvolution evolution, EvolvingAlteration alteration, double y, HashSet<(string, string)> progressed)
    {
        var cls = EvolutionPalette.Name(alteration.Class);
        svg.WriteStartElement("g");
        svg.WriteAttributeString("class", "row");
        svg.WriteAttributeString("data-key", SvgText.Clean(alteration.Key));
        svg.WriteAttributeString("data-class", cls);
        svg.WriteElementString("title", SvgText.Clean($"{alteration.Key}: {cls}; {alteration.Reason}"));
        Text(svg, "row-key", KeyLeft, y + 18, "start", Fit(alteration.Key, 26), 14);
        Rect(svg, "class-swatch", ClassLeft, y + 6, 12, 12, EvolutionPalette.Fill(alteration.Class), "#4a5568");
        Text(svg, "row-class", ClassLeft + 18, y + 18, "start", cls + (alteration.PossibleClonalHaematopoiesis ? " (CHIP?)" : string.Empty), 13);
        var identity = AlterationIdentity.OfKey(alteration.Key);
        for (var i = 0; i < alteration.Calls.Count; i++)
        {
            var call = alteration.Calls[i];
            var x = GridLeft + (i * ColumnWidth);
            var flagged = progressed.Contains((identity, evolution.Samples[i].ReportId));
            var (fill, stroke, dash) = call.State switch
            {
                CallState.Detected => (EvolutionPalette.Fill(alteration.Class), flagged ? "#c53030" : "#4a5568", (string?)null),
                CallState.NotDetected => ("#edf2f7", "#cbd5e0", null),
                _ => ("white", "#a0aec0", "4 3"),
            };
            svg.WriteStartElement("g");
            svg.WriteAttributeString("class", "cell");
            svg.WriteAttributeString("data-state", JsonCase(call.State));
            if (flagged)
            {
                svg.WriteAttributeString("data-progression", "true");
            }

            Rect(svg, "cell-box", x, y + 2, ColumnWidth - 6, RowHeight - 4, fill, stroke, dash);
            if (flagged)
            {
                Rect(svg, "progression-outline", x + 1.5, y + 3.5, ColumnWidth - 9, RowHeight - 7, "none", "#c53030");
            }

            Text(svg, "cell-value", x + ((ColumnWidth - 6) / 2), y + 18, "middle", CellText(alteration.Kind, call) + (flagged ? " ▲" : string.Empty), 13,
                call.State == CallState.Detected ? "bold" : null, call.State == CallState.Detected ? "#1a202c" : "#4a5568");
            svg.WriteEndElement();
        }

        svg.WriteEndElement();
    }

    private static string CellText(AlterationKind kind, SampleCall call) => call.State switch
    {
        CallState.NotDetected => "–",
        CallState.NotTested => "n/t",
        _ when call.Vaf is { } vaf => vaf.ToString("0.###", CultureInfo.InvariantCulture) + (call.BelowLimitOfDetection ? "*" : string.Empty),
        _ when call.CopyNumber is { } cn => "CN " + cn.ToString("0.#", CultureInfo.InvariantCulture),
        _ when call.Value is { } value => value.ToString("0.#", CultureInfo.InvariantCulture),
        _ => kind == AlterationKind.Fusion ? "fusion" : "detected",
    };

    private static void WriteLegend(XmlWriter svg, double top)
    {
        svg.WriteStartElement("g");
        svg.WriteAttributeString("class", "legend");
        Text(svg, "legend-heading", KeyLeft, top, "start", "Classes (docs/evolution.md); a red outline ▲ marks the draw where molecular progression was flagged", 13, "bold");
        for (var i = 0; i < EvolutionPalette.Classes.Length; i++)
        {
            var cls = EvolutionPalette.Classes[i];
            var x = KeyLeft + ((i % 2) * 370);
            var y = top + 14 + ((i / 2) * LabelLine * 1.5);
            Rect(svg, "legend-swatch", x, y, 14, 14, EvolutionPalette.Fill(cls), "#4a5568");
            Text(svg, "legend-label", x + 20, y + 12, "start", $"{EvolutionPalette.Name(cls)}: {EvolutionPalette.Meaning(cls)}", 13);
        }

        svg.WriteEndElement();
    }

    private static string JsonCase(CallState state) => state switch
    {
        CallState.Detected => "detected",
        CallState.NotDetected => "notDetected",
        _ => "notTested",
    };
}
