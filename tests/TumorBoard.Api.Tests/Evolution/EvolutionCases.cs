namespace TumorBoard.Api.Tests.Evolution;

/// <summary>The golden multi-sample FHIR bundles of issue 17, read from Evolution/Cases.</summary>
internal static class EvolutionCases
{
    public const string T790MThenC797S = "lung-egfr-t790m-then-c797s";
    public const string Esr1Rising = "breast-esr1-y537s-rising";
    public const string KrasUnderCetuximab = "colorectal-kras-plasma-under-cetuximab";
    public const string PrivateMetastasisMutation = "lung-private-metastasis-mutation";
    public const string SingleDrawBlip = "lung-t790m-single-draw-blip";

    public static string Bundle(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Evolution", "Cases", name + ".json"));
}
