namespace TumorBoard.Api.Presentation.Svg;

/// <summary>Time on x (linear in days over the padded draw interval), VAF on y (0 at the bottom).</summary>
internal sealed record TrajectoryScale(DateTimeOffset Start, DateTimeOffset End, double Top, double Bottom, decimal YMax)
{
    public const double PlotLeft = 90;
    public const double PlotRight = 655;

    public double X(DateTimeOffset at) =>
        PlotLeft + (Math.Clamp((at - Start).TotalDays / (End - Start).TotalDays, 0, 1) * (PlotRight - PlotLeft));

    public double Y(decimal vaf) => Bottom - ((double)Math.Clamp(vaf / YMax, 0m, 1m) * (Bottom - Top));
}
