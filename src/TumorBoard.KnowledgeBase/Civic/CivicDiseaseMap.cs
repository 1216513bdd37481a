namespace TumorBoard.KnowledgeBase.Civic;

/// <summary>A CIViC disease mapped to an OncoTree code, with receptor statuses the disease name implies (HER2-positive breast cancer).</summary>
public sealed record CivicDiseaseMapping(string Doid, string Disease, string OncotreeCode, IReadOnlyDictionary<string, string> Receptors);

/// <summary>The curated CIViC disease to OncoTree map (<c>Data/civic/disease-oncotree.tsv</c>), keyed by DOID.</summary>
public sealed class CivicDiseaseMap
{
    private readonly Dictionary<string, CivicDiseaseMapping> _byDoid;

    private CivicDiseaseMap(Dictionary<string, CivicDiseaseMapping> byDoid) => _byDoid = byDoid;

    public int Count => _byDoid.Count;

    /// <summary>Parses the TSV (<c>#</c> comment lines, a header, then doid, civic_disease, oncotree, receptors, note).</summary>
    public static CivicDiseaseMap Parse(string tsv)
    {
        ArgumentNullException.ThrowIfNull(tsv);
        var map = new Dictionary<string, CivicDiseaseMapping>(StringComparer.Ordinal);
        var lines = tsv.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !l.StartsWith('#')).Skip(1);
        foreach (var line in lines)
        {
            var f = line.Split('\t');
            if (f.Length < 3 || f[0].Length == 0 || f[2].Length == 0)
            {
                throw new FormatException($"disease map line '{line}' needs a DOID, a disease and an OncoTree code");
            }

            var receptors = (f.Length > 3 ? f[3] : "").Split(';', StringSplitOptions.RemoveEmptyEntries)
                .Select(r => r.Split('='))
                .ToDictionary(r => r[0].Trim(), r => r[1].Trim(), StringComparer.Ordinal);
            if (!map.TryAdd(f[0].Trim(), new CivicDiseaseMapping(f[0].Trim(), f[1].Trim(), f[2].Trim(), receptors)))
            {
                throw new FormatException($"disease map lists DOID {f[0]} twice");
            }
        }

        return new CivicDiseaseMap(map);
    }

    public CivicDiseaseMapping? Find(string? doid) =>
        !string.IsNullOrWhiteSpace(doid) && _byDoid.TryGetValue(doid.Trim(), out var mapping) ? mapping : null;

    public IEnumerable<CivicDiseaseMapping> Mappings => _byDoid.Values;
}
