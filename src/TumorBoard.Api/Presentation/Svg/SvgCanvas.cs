using System.Globalization;
using System.Xml;

namespace TumorBoard.Api.Presentation.Svg;

/// <summary>
/// The frame and primitives the evolution pictures share: a white background, printable fonts at 12 px and above
/// (about 9 pt when printed at three quarters of the width), and invariant number formatting so output is deterministic.
/// </summary>
internal static class SvgCanvas
{
    public const string FontFamily = "'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif";

    /// <summary>The smallest text the evolution pictures write, in px.</summary>
    public const int MinimumFontSize = 12;

    public static string Write(double width, double height, string title, Action<XmlWriter> draw)
    {
        var settings = new XmlWriterSettings { Indent = true, NewLineChars = "\n", OmitXmlDeclaration = true };
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var svg = XmlWriter.Create(text, settings))
        {
            svg.WriteStartElement("svg", "http://www.w3.org/2000/svg");
            svg.WriteAttributeString("width", Num(width));
            svg.WriteAttributeString("height", Num(height));
            svg.WriteAttributeString("viewBox", $"0 0 {Num(width)} {Num(height)}");
            svg.WriteAttributeString("font-family", FontFamily);
            svg.WriteAttributeString("font-size", "14");
            svg.WriteAttributeString("role", "img");
            svg.WriteElementString("title", SvgText.Clean(title));
            Rect(svg, "background", 0, 0, width, height, "white");
            ScatterAxes.Text(svg, "title", 20, 28, "start", title, fontSize: "18", fontWeight: "bold");
            draw(svg);
            svg.WriteEndElement();
        }

        return text.ToString() + "\n";
    }

    public static void Rect(XmlWriter svg, string cssClass, double x, double y, double width, double height, string fill, string? stroke = null, string? dash = null, string? opacity = null)
    {
        svg.WriteStartElement("rect");
        svg.WriteAttributeString("class", cssClass);
        svg.WriteAttributeString("x", Num(x));
        svg.WriteAttributeString("y", Num(y));
        svg.WriteAttributeString("width", Num(Math.Max(0, width)));
        svg.WriteAttributeString("height", Num(Math.Max(0, height)));
        svg.WriteAttributeString("fill", fill);
        Optional(svg, "stroke", stroke);
        Optional(svg, "stroke-dasharray", dash);
        Optional(svg, "fill-opacity", opacity);
        svg.WriteEndElement();
    }

    public static void Line(XmlWriter svg, string cssClass, double x1, double y1, double x2, double y2, string stroke, string width = "1", string? dash = null)
    {
        svg.WriteStartElement("line");
        svg.WriteAttributeString("class", cssClass);
        svg.WriteAttributeString("x1", Num(x1));
        svg.WriteAttributeString("y1", Num(y1));
        svg.WriteAttributeString("x2", Num(x2));
        svg.WriteAttributeString("y2", Num(y2));
        svg.WriteAttributeString("stroke", stroke);
        svg.WriteAttributeString("stroke-width", width);
        Optional(svg, "stroke-dasharray", dash);
        svg.WriteEndElement();
    }

    public static void Circle(XmlWriter svg, string cssClass, double x, double y, double r, string fill, string stroke, string width = "2", string? dash = null)
    {
        svg.WriteStartElement("circle");
        svg.WriteAttributeString("class", cssClass);
        svg.WriteAttributeString("cx", Num(x));
        svg.WriteAttributeString("cy", Num(y));
        svg.WriteAttributeString("r", Num(r));
        svg.WriteAttributeString("fill", fill);
        svg.WriteAttributeString("stroke", stroke);
        svg.WriteAttributeString("stroke-width", width);
        Optional(svg, "stroke-dasharray", dash);
        svg.WriteEndElement();
    }

    /// <summary>Text at a size of at least <see cref="MinimumFontSize"/>, so nothing printed falls under about 9 pt.</summary>
    public static void Text(XmlWriter svg, string cssClass, double x, double y, string anchor, string text, int size = 14, string? weight = null, string? fill = null) =>
        ScatterAxes.Text(svg, cssClass, x, y, anchor, text, fontSize: Math.Max(size, MinimumFontSize).ToString(CultureInfo.InvariantCulture), fontWeight: weight, fill: fill);

    public static string Num(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset? at) => at is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "date unknown";

    public static string Vaf(decimal? vaf) => vaf is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "–";

    /// <summary>Cuts a label to <paramref name="max"/> characters with an ellipsis (the full text stays in the element's title).</summary>
    public static string Fit(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static void Optional(XmlWriter svg, string name, string? value)
    {
        if (value is not null)
        {
            svg.WriteAttributeString(name, value);
        }
    }
}
