namespace TumorBoard.Core.Rules.Matchers;

/// <summary>Case-insensitive search of free text (a lab's description) for curated terms.</summary>
internal static class TextTerms
{
    public static bool Contains(string? text, IReadOnlyList<string> terms)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        foreach (var term in terms)
        {
            if (text.Contains(term, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
