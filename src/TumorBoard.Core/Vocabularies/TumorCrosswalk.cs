namespace TumorBoard.Core.Vocabularies;

/// <summary>
/// Maps diagnosis codes from other systems (SNOMED CT, ICD-10-CM, ICD-O-3) to OncoTree codes.
/// ICD codes fall back to their category (C34.11 -> C34.1 -> C34) so a curated category covers its subcodes.
/// </summary>
public sealed class TumorCrosswalk
{
    public const string Snomed = "http://snomed.info/sct";
    public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
    public const string IcdO3 = "http://terminology.hl7.org/CodeSystem/icd-o-3";
    public const string OncoTreeSystem = "http://oncotree.mskcc.org";

    private readonly Dictionary<(string System, string Code), string> _map;

    public TumorCrosswalk(IEnumerable<(string System, string Code, string OncotreeCode)> entries)
    {
        _map = new Dictionary<(string, string), string>();
        foreach (var (system, code, oncotree) in entries)
        {
            _map[(system, Normalize(code))] = oncotree;
        }
    }

    public int Count => _map.Count;

    public string? ToOncotree(string? system, string? code)
    {
        if (string.IsNullOrWhiteSpace(system) || string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var normalized = Normalize(code);
        if (_map.TryGetValue((system, normalized), out var direct))
        {
            return direct;
        }

        if (system is not (Icd10Cm or IcdO3))
        {
            return null;
        }

        // Walk up the ICD category: C34.11 -> C34.1 -> C34.
        for (var candidate = normalized; candidate.Length > 3;)
        {
            candidate = candidate[..^1].TrimEnd('.');
            if (_map.TryGetValue((system, candidate), out var parent))
            {
                return parent;
            }
        }

        return null;
    }

    private static string Normalize(string code) => code.Trim().ToUpperInvariant();
}
