using System.Xml;
using TumorBoard.Core.Evolution;
using TumorBoard.Core.Patients;
using static TumorBoard.Api.Presentation.Svg.SvgCanvas;

namespace TumorBoard.Api.Presentation.Svg;

/// <summary>
/// The serial ctDNA picture: VAF over time for every alteration seen in plasma (resistance alterations first, in
/// warm colours, values printed), the therapies as shaded bands, and each molecular-progression point ringed in
/// red. A hollow marker is "not detected" (drawn at 0); a dashed one is a call below the limit of detection.
/// Undated draws cannot be placed in time and are listed under the plot.
/// </summary>
public static class TrajectorySvg
{
    private const double Width = 940;
    private const double PlotHeight = 300;
    private const double LegendLeft = 680;

    public static string Render(EvolutionPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        var evolution = picture.Evolution;
        var draws = evolution.Samples.Where(s => s.Role == SpecimenRole.Ctdna).ToList();
        var dated = draws.Where(d => d.At is not null).Select(d => d.At!.Value).ToList();
        var title = $"{(picture.TumorType is { Length: > 0 } t ? t + ": " : string.Empty)}ctDNA VAF over time ({draws.Count} plasma draw{(draws.Count == 1 ? string.Empty : "s")})";
        var (start, end) = Domain(dated);
        var bands = evolution.Therapies.Where(th => Overlaps(th, start, end)).ToList();
        var plotTop = 90 + (TrajectoryFrame.BandLabelRow * bands.Count);
        var plotBottom = plotTop + PlotHeight;
        var legendRows = Math.Max(evolution.Trajectories.Count, 1);
        var height = Math.Max(plotBottom + 100, plotTop + 40 + (legendRows * 20));
        var yMax = YMax(evolution.Trajectories);
        var scale = new TrajectoryScale(start, end, plotTop, plotBottom, yMax);

        return Write(Width, height, title, svg =>
        {
            Text(svg, "subtitle", 20, 52, "start", $"Therapies as bands; red ring = molecular progression; hollow = not detected; dashed = below the limit of detection ({Vaf(evolution.Progression.LimitOfDetectionVaf)} VAF)", 13);
            if (dated.Count == 0)
            {
                Text(svg, "empty", TrajectoryScale.PlotLeft, plotTop + 20, "start", draws.Count == 0 ? "No ctDNA draws." : "No dated ctDNA draws to place in time.");
                return;
            }

            TrajectoryFrame.WriteBands(svg, bands, scale);
            TrajectoryFrame.WriteAxes(svg, scale, draws);
            var colours = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < evolution.Trajectories.Count; i++)
            {
                var trajectory = evolution.Trajectories[i];
                colours[trajectory.Key] = EvolutionPalette.Lines[i % EvolutionPalette.Lines.Length];
                WriteTrajectory(svg, trajectory, colours[trajectory.Key], scale);
            }

            WriteProgression(svg, evolution.Progression, scale);
            WriteLegend(svg, evolution.Trajectories, colours, plotTop);
            var undated = draws.Count - dated.Count;
            if (undated > 0)
            {
                Text(svg, "undated", TrajectoryScale.PlotLeft, plotBottom + 78, "start", $"{undated} undated draw(s) not plotted.", 13);
            }
        });
    }

    private static (DateTimeOffset Start, DateTimeOffset End) Domain(List<DateTimeOffset> dated)
    {
        if (dated.Count == 0)
        {
            return (DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1));
        }

        var (min, max) = (dated.Min(), dated.Max());
        var pad = TimeSpan.FromDays(Math.Max(15, (max - min).TotalDays * 0.06));
        return (min - pad, max + pad);
    }

    private static bool Overlaps(PriorTherapy therapy, DateTimeOffset start, DateTimeOffset end) =>
        (therapy.Start is null || therapy.Start <= end) && (therapy.End is null || therapy.End >= start);

    private static decimal YMax(IReadOnlyList<Trajectory> trajectories)
    {
        var max = trajectories.SelectMany(t => t.Points).Select(p => p.Vaf ?? 0m).DefaultIfEmpty(0m).Max() * 1.15m;
        foreach (var nice in new[] { 0.01m, 0.02m, 0.05m, 0.1m, 0.2m, 0.3m, 0.5m, 0.75m, 1m })
        {
            if (max <= nice)
            {
                return nice;
            }
        }

        return 1m;
    }

    private static void WriteTrajectory(XmlWriter svg, Trajectory trajectory, string colour, TrajectoryScale scale)
    {
        var points = trajectory.Points.Where(p => p.At is not null).ToList();
        svg.WriteStartElement("g");
        svg.WriteAttributeString("class", "trajectory");
        svg.WriteAttributeString("data-key", SvgText.Clean(trajectory.Key));
        svg.WriteAttributeString("data-resistance", trajectory.Resistance ? "true" : "false");
        svg.WriteElementString("title", SvgText.Clean($"{trajectory.Key}: " + string.Join("; ", points.Select(p => $"{Date(p.At)} {(p.State == CallState.Detected ? Vaf(p.Vaf) : "not detected")}"))));
        if (points.Count > 1)
        {
            svg.WriteStartElement("polyline");
            svg.WriteAttributeString("class", "line");
            svg.WriteAttributeString("fill", "none");
            svg.WriteAttributeString("stroke", colour);
            svg.WriteAttributeString("stroke-width", trajectory.Resistance ? "3" : "2");
            svg.WriteAttributeString("points", string.Join(" ", points.Select(p => $"{Num(scale.X(p.At!.Value))},{Num(scale.Y(p.Vaf ?? 0m))}")));
            svg.WriteEndElement();
        }

        foreach (var point in points)
        {
            var (x, y) = (scale.X(point.At!.Value), scale.Y(point.Vaf ?? 0m));
            var detected = point.State == CallState.Detected;
            Circle(svg, detected ? "point" : "point not-detected", x, y, 5, detected && !point.BelowLimitOfDetection ? colour : "white", colour, "2", point.BelowLimitOfDetection ? "2 2" : null);
            if (trajectory.Resistance && detected)
            {
                Text(svg, "point-vaf", x + 8, y - 8, "start", Vaf(point.Vaf), 12, "bold", colour);
            }
        }

        svg.WriteEndElement();
    }

    private static void WriteProgression(XmlWriter svg, MolecularProgression progression, TrajectoryScale scale)
    {
        svg.WriteStartElement("g");
        svg.WriteAttributeString("class", "progression");
        foreach (var e in progression.Events.Where(e => e.ToAt is not null))
        {
            var (x, y) = (scale.X(e.ToAt!.Value), scale.Y(e.ToVaf ?? 0m));
            svg.WriteStartElement("g");
            svg.WriteAttributeString("class", "progression-point");
            svg.WriteAttributeString("data-key", SvgText.Clean(e.AlterationKey));
            svg.WriteAttributeString("data-rule", SvgText.Clean(e.ProgressionRuleId));
            svg.WriteElementString("title", SvgText.Clean($"Molecular progression ({e.ProgressionRuleId}): {e.AlterationKey} {Vaf(e.FromVaf)} → {Vaf(e.ToVaf)}"));
            Circle(svg, "progression-ring", x, y, 11, "none", "#c53030", "3");
            svg.WriteEndElement();
        }

        svg.WriteEndElement();
    }

    private static void WriteLegend(XmlWriter svg, IReadOnlyList<Trajectory> trajectories, Dictionary<string, string> colours, double top)
    {
        svg.WriteStartElement("g");
        svg.WriteAttributeString("class", "legend");
        Text(svg, "legend-heading", LegendLeft, top + 4, "start", "Alterations in plasma", 14, "bold");
        var y = top + 26;
        foreach (var trajectory in trajectories)
        {
            Line(svg, "legend-line", LegendLeft, y - 5, LegendLeft + 22, y - 5, colours[trajectory.Key], trajectory.Resistance ? "3" : "2");
            Text(svg, "legend-label", LegendLeft + 28, y, "start", Fit(trajectory.Key, 22) + (trajectory.Resistance ? " (resistance)" : string.Empty), 13);
            y += 20;
        }

        svg.WriteEndElement();
    }
}
