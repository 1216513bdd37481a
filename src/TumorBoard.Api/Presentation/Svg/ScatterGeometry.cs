using System.Globalization;

namespace TumorBoard.Api.Presentation.Svg;

/// <summary>
/// Fixed geometry of the VAF scatter: a 400 px square plot for VAF 0..1 on both axes, legend on the right,
/// a list of alterations without VAF below. Fixed numbers keep the output deterministic.
/// </summary>
internal static class ScatterGeometry
{
    public const double PlotLeft = 80;
    public const double PlotTop = 70;
    public const double PlotSize = 400;
    public const double PlotBottom = PlotTop + PlotSize;
    public const double PlotRight = PlotLeft + PlotSize;
    public const double LegendLeft = 600;
    public const double Width = 880;
    public const double ListTop = PlotBottom + 75;
    public const double LineHeight = 16;

    /// <summary>Label boxes are estimated, not measured (no font engine): about 8.5 px per character at 14 px for the capitals and digits of gene names.</summary>
    public const double CharWidth = 8.5;

    public static double X(decimal vaf) => PlotLeft + (Clamp(vaf) * PlotSize);

    public static double Y(decimal vaf) => PlotBottom - (Clamp(vaf) * PlotSize);

    public static string Num(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Vaf(decimal? vaf) => vaf is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "–";

    private static double Clamp(decimal vaf) => (double)Math.Clamp(vaf, 0m, 1m);
}
