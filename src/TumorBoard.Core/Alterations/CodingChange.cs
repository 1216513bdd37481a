using System.Text.RegularExpressions;

namespace TumorBoard.Core.Alterations;

/// <summary>
/// An HGVS c. change split from its transcript: <c>NM_005228.4:c.2573T&gt;G</c> gives transcript
/// <c>NM_005228.4</c> and change <c>c.2573T&gt;G</c>. The change keeps the lab's spelling apart from
/// white space; splice changes (<c>c.3028+1G&gt;T</c>) have no protein change and are matched on this text.
/// </summary>
public sealed partial record CodingChange(string? Transcript, string Change)
{
    /// <summary>
    /// Accepts <c>NM_005228.4:c.2573T&gt;G</c>, <c>NM_000251.3(MSH2):c.1832del</c>, <c>c.2573T&gt;G</c> and
    /// <c>2573T&gt;G</c>; returns null when the text holds no change.
    /// </summary>
    public static CodingChange? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        string? transcript = null;
        var colon = compact.LastIndexOf(':');
        if (colon >= 0)
        {
            transcript = GeneInParentheses().Replace(compact[..colon], string.Empty);
            compact = compact[(colon + 1)..];
            if (transcript.Length == 0)
            {
                transcript = null;
            }
        }

        if (!compact.Any(char.IsDigit))
        {
            return null;
        }

        var change = HasPrefix(compact) ? compact : "c." + compact;
        return new CodingChange(transcript, change);
    }

    private static bool HasPrefix(string change) =>
        change.Length > 2 && change[1] == '.' && "cgmnrp".Contains(change[0], StringComparison.Ordinal);

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex GeneInParentheses();
}
