namespace TumorBoard.Core.Rules.Matchers;

/// <summary>Recognises canonical splice-site coding changes: the first two intronic bases, c.N+1/+2 or c.N-1/-2.</summary>
internal static class CanonicalSpliceSite
{
    public static bool Is(string? codingChange)
    {
        if (string.IsNullOrEmpty(codingChange) || !codingChange.StartsWith("c.", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var span = codingChange.AsSpan(2);
        var digits = 0;
        while (digits < span.Length && char.IsAsciiDigit(span[digits]))
        {
            digits++;
        }

        if (digits == 0 || digits + 2 > span.Length || span[digits] is not ('+' or '-'))
        {
            return false;
        }

        var offset = span[digits + 1];
        var afterOffset = digits + 2;
        return offset is '1' or '2' && (afterOffset == span.Length || !char.IsAsciiDigit(span[afterOffset]));
    }
}
