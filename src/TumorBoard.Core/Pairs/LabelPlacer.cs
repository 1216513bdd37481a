namespace TumorBoard.Core.Pairs;

/// <summary>
/// Greedy, deterministic label placement: each label goes right of its point and moves down a line at a
/// time while it overlaps a label already placed (points on an axis often crowd together).
/// </summary>
internal sealed class LabelPlacer
{
    private const double Height = 12;
    private const int MaxShifts = 12;
    private readonly List<(double Left, double Top, double Right, double Bottom)> _placed = [];

    /// <summary>Returns the text baseline for a label of <paramref name="text"/> next to the point (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public (double X, double Y) Place(double x, double y, string text)
    {
        var left = x + 8;
        var width = text.Length * ScatterGeometry.CharWidth;
        var baseline = y + 4;
        for (var shift = 0; shift < MaxShifts && Overlaps(left, baseline - Height, left + width, baseline); shift++)
        {
            baseline += Height;
        }

        _placed.Add((left, baseline - Height, left + width, baseline));
        return (left, baseline);
    }

    private bool Overlaps(double left, double top, double right, double bottom) =>
        _placed.Exists(p => left < p.Right && right > p.Left && top < p.Bottom && bottom > p.Top);
}
