using TumorBoard.Core.Patients;

namespace TumorBoard.Core.Trials;

/// <summary>Codes of <see cref="ClinicalMarker"/> used by trial files and traces (<c>PTEN</c>, <c>MLH1</c>, <c>HER2</c>).</summary>
public static class ClinicalMarkers
{
    private static readonly Dictionary<string, ClinicalMarker> ByCode = new(StringComparer.OrdinalIgnoreCase)
    {
        ["HR"] = ClinicalMarker.HormoneReceptor,
        ["ER"] = ClinicalMarker.EstrogenReceptor,
        ["PR"] = ClinicalMarker.ProgesteroneReceptor,
        ["HER2"] = ClinicalMarker.Her2,
        ["PTEN"] = ClinicalMarker.Pten,
        ["MLH1"] = ClinicalMarker.Mlh1,
        ["MSH2"] = ClinicalMarker.Msh2,
        ["RB"] = ClinicalMarker.Rb,
        ["MET"] = ClinicalMarker.Met,
        ["LAG3"] = ClinicalMarker.Lag3,
    };

    public static IEnumerable<string> Codes => ByCode.Keys;

    public static bool TryParse(string? code, out ClinicalMarker marker) => ByCode.TryGetValue(code?.Trim() ?? "", out marker);

    public static string Code(ClinicalMarker marker) => ByCode.First(p => p.Value == marker).Key;

    /// <summary>Receptors read positive/negative; expression markers read expressed/lost.</summary>
    public static string StatusText(ClinicalMarker marker, MarkerStatus status)
    {
        var expression = marker is ClinicalMarker.Pten or ClinicalMarker.Mlh1 or ClinicalMarker.Msh2 or ClinicalMarker.Rb or ClinicalMarker.Lag3;
        return (expression, status) switch
        {
            (true, MarkerStatus.Positive) => "expressed (IHC)",
            (true, MarkerStatus.Negative) => "lost (IHC)",
            _ => status.ToString().ToLowerInvariant(),
        };
    }
}
