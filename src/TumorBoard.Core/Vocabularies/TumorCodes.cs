using System.Text.RegularExpressions;

namespace TumorBoard.Core.Vocabularies;

/// <summary>Normalisation of diagnosis, topography and morphology codes, shared by the crosswalk and its loader.</summary>
public static partial class TumorCodes
{
    /// <summary>
    /// Upper-cases and trims a code; ICD-10-CM and ICD-O-3 codes also lose their dots (C34.11 -> C3411), so
    /// dotted and undotted spellings compare equal.
    /// </summary>
    public static string NormalizeCode(string system, string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var upper = code.Trim().ToUpperInvariant();
        return IsIcd(system) ? upper.Replace(".", "", StringComparison.Ordinal) : upper;
    }

    /// <summary>An ICD-O-3 topography without its dot (C34.1 -> C341).</summary>
    public static string NormalizeTopography(string topography)
    {
        ArgumentNullException.ThrowIfNull(topography);
        return topography.Trim().ToUpperInvariant().Replace(".", "", StringComparison.Ordinal);
    }

    /// <summary>
    /// An ICD-O-3 morphology as <c>dddd/d</c>: accepts <c>8140/3</c>, <c>81403</c>, <c>8140-3</c> and an
    /// <c>M-</c> prefix. Anything else is returned trimmed and will match nothing.
    /// </summary>
    public static string NormalizeMorphology(string morphology)
    {
        ArgumentNullException.ThrowIfNull(morphology);
        var text = morphology.Trim().ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);
        if (text.StartsWith('M'))
        {
            text = text.TrimStart('M').TrimStart('-');
        }

        text = text.Replace('-', '/');
        return FiveDigits().IsMatch(text) ? $"{text[..4]}/{text[4]}" : text;
    }

    /// <summary>True for <c>dddd/d</c> after normalisation.</summary>
    public static bool IsIcdO3Morphology(string morphology) => MorphologyPattern().IsMatch(NormalizeMorphology(morphology));

    /// <summary>True for an ICD-O-3 topography such as <c>C34</c> or <c>C34.1</c>.</summary>
    public static bool IsIcdO3Topography(string topography)
    {
        ArgumentNullException.ThrowIfNull(topography);
        return TopographyPattern().IsMatch(topography.Trim().ToUpperInvariant());
    }

    internal static bool IsIcd(string system) => system is TumorCrosswalk.Icd10Cm or TumorCrosswalk.IcdO3;

    [GeneratedRegex(@"^\d{5}$")]
    private static partial Regex FiveDigits();

    [GeneratedRegex(@"^\d{4}/\d$")]
    private static partial Regex MorphologyPattern();

    [GeneratedRegex(@"^C\d\d(\.\d)?$")]
    private static partial Regex TopographyPattern();
}
