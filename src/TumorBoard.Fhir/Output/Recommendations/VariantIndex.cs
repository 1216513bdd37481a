using Hl7.Fhir.Model;

namespace TumorBoard.Fhir.Output.Recommendations;

/// <summary>The Bundle's Variant and biomarker Observations by alteration key, for each finding's <c>derivedFrom</c>.</summary>
internal sealed class VariantIndex
{
    private readonly Dictionary<string, List<string>> _urlsByKey = new(StringComparer.Ordinal);

    public VariantIndex(IEnumerable<ReportedVariant> variants)
    {
        foreach (var variant in variants)
        {
            var key = variant.Alteration.Key;
            if (!_urlsByKey.TryGetValue(key, out var urls))
            {
                _urlsByKey[key] = urls = [];
            }

            urls.Add(EntryIds.FullUrl("Observation", variant.Id));
        }
    }

    /// <summary>
    /// References to every Observation of the given keys (a key seen in two reports gives two). The IG
    /// requires at least one, so a finding none of whose keys is in the Bundle is the caller's error.
    /// </summary>
    public List<ResourceReference> DerivedFrom(IReadOnlyList<string> alterationKeys, string recommendationId)
    {
        var references = alterationKeys
            .SelectMany(key => _urlsByKey.TryGetValue(key, out var urls) ? urls : [])
            .Distinct(StringComparer.Ordinal)
            .Select(url => new ResourceReference(url))
            .ToList();
        if (references.Count == 0)
        {
            throw new ArgumentException(
                $"Recommendation {recommendationId} rests on alteration keys [{string.Join(", ", alterationKeys)}], none of which is among the input's variants.");
        }

        return references;
    }
}
