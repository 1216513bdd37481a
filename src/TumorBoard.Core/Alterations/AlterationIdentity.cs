namespace TumorBoard.Core.Alterations;

/// <summary>
/// What makes two reported alterations the same event when comparing samples. It is the key, except
/// for two-partner fusions, where the partner order is ignored: one lab's <c>ALK::EML4</c> and another's
/// <c>EML4::ALK</c> describe the same rearrangement (rare-cases.md case 8); the key keeps the order as reported.
/// </summary>
public static class AlterationIdentity
{
    private const string FusionSeparator = "::";

    public static string Of(Alteration alteration)
    {
        ArgumentNullException.ThrowIfNull(alteration);
        return alteration.Kind == AlterationKind.Fusion && alteration.FusionGenes is { Count: 2 } genes
            ? Unordered(genes[0], genes[1])
            : OfKey(alteration.Key);
    }

    /// <summary>The identity of a key string: <c>EML4::ALK</c> and <c>ALK::EML4</c> give the same identity.</summary>
    public static string OfKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        // Most keys name no fusion: what splitting them would give (one part), without the split's array.
        if (!key.Contains(FusionSeparator, StringComparison.Ordinal))
        {
            return key.ToUpperInvariant();
        }

        var parts = key.Split(FusionSeparator);
        return parts.Length == 2 && !key.Contains(' ', StringComparison.Ordinal) ? Unordered(parts[0], parts[1]) : key.ToUpperInvariant();
    }

    private static string Unordered(string first, string second) =>
        string.CompareOrdinal(first, second) <= 0
            ? (first + FusionSeparator + second).ToUpperInvariant()
            : (second + FusionSeparator + first).ToUpperInvariant();
}
