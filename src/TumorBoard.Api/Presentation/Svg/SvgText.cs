using System.Text;
using System.Xml;

namespace TumorBoard.Api.Presentation.Svg;

/// <summary>
/// Text that may come from a lab (keys, report ids) goes through here before it reaches the SVG: characters
/// XML cannot carry at all become U+FFFD. Escaping of &lt;, &amp; and quotes is left to <see cref="XmlWriter"/>.
/// </summary>
internal static class SvgText
{
    public static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                builder.Append(text, i, 2);
                i++;
            }
            else
            {
                builder.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
            }
        }

        return builder.ToString();
    }
}
