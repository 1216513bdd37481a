namespace TumorBoard.Api.Tests.Evolution;

/// <summary>The golden multi-sample FHIR bundles of issue 17, read from Evolution/Cases.</summary>
internal static class EvolutionCases
{
    public const string T790MThenC797S = "lung-egfr-t790m-then-c797s";
    public const string Esr1Rising = "breast-esr1-y537s-rising";

    /// <summary>The same patient's fifth plasma draw on its own: ESR1 Y537S rises again (0.05 to 0.08).</summary>
    public const string Esr1FifthDraw = "breast-esr1-y537s-fifth-draw";
    public const string KrasUnderCetuximab = "colorectal-kras-plasma-under-cetuximab";
    public const string PrivateMetastasisMutation = "lung-private-metastasis-mutation";
    public const string SingleDrawBlip = "lung-t790m-single-draw-blip";

    /// <summary>Purity for the primary (LOINC 93356-4, 60 %) and the liver metastasis (SNOMED CT 371510003, 0.5), none for plasma.</summary>
    public const string PurityReported = "lung-purity-reported";

    public static string Bundle(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Evolution", "Cases", name + ".json"));
}
