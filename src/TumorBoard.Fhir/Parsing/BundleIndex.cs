using Hl7.Fhir.Model;

namespace TumorBoard.Fhir.Parsing;

/// <summary>A resource of the bundle with the FHIRPath expression that locates it.</summary>
internal sealed record Located<T>(T Resource, string Path)
    where T : Resource;

/// <summary>
/// Finds the bundle's resources and resolves references in every form senders use: the entry's
/// <c>fullUrl</c> (<c>urn:uuid:</c>, absolute URL), a relative <c>Observation/id</c> (with or without
/// <c>_history</c>), an absolute URL ending in <c>Type/id</c>, and <c>#id</c> for contained resources.
/// </summary>
internal sealed class BundleIndex
{
    private readonly List<Located<Resource>> _entries = [];
    private readonly Dictionary<string, Located<Resource>> _byFullUrl = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Located<Resource>> _byTypeAndId = new(StringComparer.Ordinal);
    private readonly Dictionary<object, string> _fullUrls = new(ReferenceEqualityComparer.Instance);

    public BundleIndex(Bundle bundle)
    {
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            var entry = bundle.Entry[i];
            if (entry.Resource is null)
            {
                continue;
            }

            var located = new Located<Resource>(entry.Resource, $"Bundle.entry[{i}].resource");
            _entries.Add(located);
            if (!string.IsNullOrWhiteSpace(entry.FullUrl))
            {
                _byFullUrl.TryAdd(entry.FullUrl.Trim(), located);
                _fullUrls.TryAdd(entry.Resource, entry.FullUrl.Trim());
            }

            if (!string.IsNullOrWhiteSpace(entry.Resource.Id))
            {
                _byTypeAndId.TryAdd($"{entry.Resource.TypeName}/{entry.Resource.Id}", located);
            }
        }
    }

    public IEnumerable<Located<T>> All<T>()
        where T : Resource =>
        _entries.Where(e => e.Resource is T).Select(e => new Located<T>((T)e.Resource, e.Path));

    /// <summary>The entry's fullUrl of a bundled resource, if it had one.</summary>
    public string? FullUrlOf(Resource resource) => _fullUrls.GetValueOrDefault(resource);

    /// <summary>Resolves a reference made by <paramref name="from"/>; null when it points outside the bundle.</summary>
    public Located<Resource>? Resolve(ResourceReference? reference, Located<Resource>? from)
    {
        var text = reference?.Reference?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.StartsWith('#'))
        {
            return from is null ? null : Contained(from, text[1..]);
        }

        if (_byFullUrl.TryGetValue(text, out var byUrl))
        {
            return byUrl;
        }

        var typeAndId = TypeAndId(text);
        return typeAndId is not null && _byTypeAndId.TryGetValue(typeAndId, out var byId) ? byId : null;
    }

    public Located<T>? Resolve<T>(ResourceReference? reference, Located<Resource>? from)
        where T : Resource =>
        Resolve(reference, from) is { Resource: T typed } located ? new Located<T>(typed, located.Path) : null;

    private static Located<Resource>? Contained(Located<Resource> from, string id)
    {
        if (from.Resource is not DomainResource domain)
        {
            return null;
        }

        for (var i = 0; i < domain.Contained.Count; i++)
        {
            if (domain.Contained[i].Id == id)
            {
                return new Located<Resource>(domain.Contained[i], $"{from.Path}.contained[{i}]");
            }
        }

        return null;
    }

    /// <summary><c>Observation/1</c>, <c>http://x/fhir/Observation/1</c>, <c>Observation/1/_history/2</c> give <c>Observation/1</c>.</summary>
    private static string? TypeAndId(string reference)
    {
        var segments = reference.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var history = Array.IndexOf(segments, "_history");
        if (history >= 0)
        {
            segments = segments[..history];
        }

        return segments.Length >= 2 && ModelInfo.IsKnownResource(segments[^2]) ? $"{segments[^2]}/{segments[^1]}" : null;
    }
}
