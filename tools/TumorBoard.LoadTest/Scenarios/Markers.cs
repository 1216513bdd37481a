using TumorBoard.TestSupport.Fhir;

namespace TumorBoard.LoadTest.Scenarios;

/// <summary>Breast pathology markers as mCODE TumorMarkerTest Observations (LOINC test codes and answers the reader maps).</summary>
public static class Markers
{
    private const string Er = "85337-4";
    private const string ErDisplay = "Estrogen receptor Ag [Presence] in Breast cancer specimen by Immune stain";
    private const string Her2Ihc = "18474-7";
    private const string Her2IhcDisplay = "HER2 Ag [Presence] in Tissue by Immune stain";
    private const string Her2Ish = "31150-6";
    private const string Her2IshDisplay = "HER2 [Presence] in Tissue by FISH";

    /// <summary>ER-positive, HER2 IHC 2+ and ISH not amplified: HR-positive, HER2-low.</summary>
    public static IReadOnlyList<TestMarker> HormoneReceptorPositiveHer2Low { get; } =
    [
        new(Er, ErDisplay, "LA6576-8", "Positive"),
        new(Her2Ihc, Her2IhcDisplay, "LA11842-4", "2+"),
        new(Her2Ish, Her2IshDisplay, null, "Not amplified"),
    ];

    /// <summary>ER-negative, HER2 ISH amplified: HER2-positive.</summary>
    public static IReadOnlyList<TestMarker> Her2Positive { get; } =
    [
        new(Er, ErDisplay, "LA6577-6", "Negative"),
        new(Her2Ish, Her2IshDisplay, null, "Amplified"),
    ];

    /// <summary>ER-negative, HER2 ISH not amplified.</summary>
    public static IReadOnlyList<TestMarker> HormoneReceptorNegativeHer2Negative { get; } =
    [
        new(Er, ErDisplay, "LA6577-6", "Negative"),
        new(Her2Ish, Her2IshDisplay, null, "Not amplified"),
    ];
}
