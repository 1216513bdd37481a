using static TumorBoard.Api.Presentation.Svg.ScatterGeometry;

namespace TumorBoard.Api.Presentation.Svg;

/// <summary>
/// Greedy, deterministic label placement. Each label goes right of its point; while it overlaps a marker,
/// a tick label or a label already placed, it tries one line up, one line down, two up, and so on, never
/// leaving the plot area (points on an axis often crowd together). A label that had to move gets a leader
/// line back to its point. Boxes are estimated from character counts, there being no font engine.
/// </summary>
internal sealed class LabelPlacer
{
    private const double Height = 15;
    private const double MarkerHalf = 10; // the emergent-resistance ring's radius
    private const int MaxShifts = 30;
    private readonly List<Box> _obstacles =
    [
        new(PlotLeft - 20, PlotBottom + 6, PlotRight + 20, PlotBottom + 24), // x tick labels
        new(PlotLeft, PlotBottom - 1, PlotRight + 20, PlotBottom + 1), // the x axis line
        new(PlotLeft - 40, PlotTop - 10, PlotLeft - 6, PlotBottom + 10), // y tick labels
    ];

    /// <summary>Markers are placed first so no label covers any of them.</summary>
    public void AddMarker(double x, double y) => _obstacles.Add(new(x - MarkerHalf, y - MarkerHalf, x + MarkerHalf, y + MarkerHalf));

    /// <summary>
    /// Returns the text start and baseline for a label of <paramref name="characters"/> characters next to the point
    /// (<paramref name="x"/>, <paramref name="y"/>), and whether it had to move away from the point's line.
    /// </summary>
    public (double X, double Y, bool Moved) Place(double x, double y, int characters)
    {
        var left = x + 12;
        var width = characters * CharWidth;
        var baseline = y + 4;
        foreach (var shift in Shifts())
        {
            var candidate = new Box(left, baseline + (shift * Height) - Height, left + width, baseline + (shift * Height));
            if (candidate.Top >= PlotTop - Height && candidate.Bottom <= PlotBottom && !_obstacles.Exists(candidate.Overlaps))
            {
                _obstacles.Add(candidate);
                return (left, candidate.Bottom, shift != 0);
            }
        }

        // Nowhere free inside the plot: overlap rather than drop the label.
        _obstacles.Add(new Box(left, baseline - Height, left + width, baseline));
        return (left, baseline, false);
    }

    private static IEnumerable<int> Shifts()
    {
        yield return 0;
        for (var k = 1; k <= MaxShifts; k++)
        {
            yield return -k;
            yield return k;
        }
    }

    private sealed record Box(double Left, double Top, double Right, double Bottom)
    {
        public bool Overlaps(Box other) => Left < other.Right && Right > other.Left && Top < other.Bottom && Bottom > other.Top;
    }
}
