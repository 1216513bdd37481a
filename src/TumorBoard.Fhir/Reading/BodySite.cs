using Hl7.Fhir.Model;
using TumorBoard.Fhir.Parsing;

namespace TumorBoard.Fhir.Reading;

/// <summary>
/// A body site as codes plus readable words. The SNOMED body-structure hierarchy is not available,
/// so two sites match when they share a code (ICD-10/ICD-O topography also by category prefix) or
/// when the organ words of one are contained in the other's ("Right lung structure" matches "Lung").
/// </summary>
internal sealed class BodySite
{
    /// <summary>Words that qualify a site but do not name an organ.</summary>
    private static readonly HashSet<string> Qualifiers = new(StringComparer.Ordinal)
    {
        "structure", "of", "the", "entire", "body", "organ", "specimen", "tissue", "biopsy", "obtained", "by", "from",
        "right", "left", "bilateral", "upper", "lower", "middle", "lobe", "part", "region", "disorder", "finding",
        "and", "in", "site", "primary", "secondary", "malignant", "neoplasm", "neoplasms", "neoplastic", "disease", "tumor", "tumour", "cancer", "carcinoma",
        "metastasis", "metastatic", "metastases", "to", "sample", "resection", "excision", "core", "needle", "fine",
        "aspirate", "aspiration", "stage", "iv", "iii", "ii", "i", "ffpe", "fresh", "frozen",
    };

    private readonly List<(string? System, string Code)> _codes;
    private readonly HashSet<string> _words;

    private BodySite(List<(string? System, string Code)> codes, List<string> texts)
    {
        _codes = codes;
        Texts = texts;
        _words = texts.SelectMany(Words).Where(w => !Qualifiers.Contains(w)).ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlyList<string> Texts { get; }

    /// <summary>True when the site has organ words to compare, not only codes.</summary>
    public bool HasWords => _words.Count > 0;

    /// <summary>A readable label: the first text, else the first code.</summary>
    public string Label => Texts.Count > 0 ? Texts[0] : _codes.Count > 0 ? _codes[0].Code : string.Empty;

    public static BodySite? From(params CodeableConcept?[] concepts)
    {
        var codes = concepts.SelectMany(FhirValues.Codings)
            .Where(c => !string.IsNullOrWhiteSpace(c.Code))
            .Select(c => (string.IsNullOrWhiteSpace(c.System) ? null : c.System.Trim(), c.Code!.Trim()))
            .ToList();
        var texts = concepts.SelectMany(FhirValues.Texts).ToList();
        return codes.Count == 0 && texts.Count == 0 ? null : new BodySite(codes, texts);
    }

    /// <summary>True when any text mentions the word stem (e.g. "metasta").</summary>
    public bool Mentions(string stem) => Texts.Any(t => t.Contains(stem, StringComparison.OrdinalIgnoreCase));

    public bool Matches(BodySite other)
    {
        foreach (var (system, code) in _codes)
        {
            foreach (var (otherSystem, otherCode) in other._codes)
            {
                if ((system is null || otherSystem is null || string.Equals(system, otherSystem, StringComparison.OrdinalIgnoreCase))
                    && SameOrCategory(code, otherCode))
                {
                    return true;
                }
            }
        }

        return HasWords && other.HasWords && (_words.IsSubsetOf(other._words) || other._words.IsSubsetOf(_words));
    }

    /// <summary>Equal codes, or ICD-style topography where one is the category of the other (C34 and C34.1).</summary>
    private static bool SameOrCategory(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var (shorter, longer) = a.Length < b.Length ? (a, b) : (b, a);
        return shorter.Length >= 3 && char.IsLetter(shorter[0]) && longer.StartsWith(shorter + ".", StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<string> Words(string text) =>
        text.ToLowerInvariant().Split(text.Where(c => !char.IsLetter(c)).Distinct().ToArray(), StringSplitOptions.RemoveEmptyEntries);
}
