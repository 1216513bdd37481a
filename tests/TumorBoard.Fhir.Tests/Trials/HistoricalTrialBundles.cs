using System.Text.Json.Nodes;
using TumorBoard.Fhir.Tests.Markers;

namespace TumorBoard.Fhir.Tests.Trials;

/// <summary>
/// Changes to the breast fixture for the historical packs' FHIR cases (SHIVA01, NCI-MPACT, BATTLE-2, I-SPY2):
/// the diagnosis, the NGS variant, receptor results and the birth date, each as the EHR would send it.
/// </summary>
internal static class HistoricalTrialBundles
{
    private const int Patient = 0;
    private const int Condition = 1;
    private const int Variant = 4;

    /// <summary>The primary cancer Condition becomes another SNOMED CT diagnosis at another site.</summary>
    public static Action<JsonObject> Diagnosis(string snomed, string display, string site) => bundle =>
    {
        var condition = Mutations.Resource(bundle, Condition);
        condition["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://snomed.info/sct", ["code"] = snomed, ["display"] = display }) };
        condition["bodySite"] = new JsonArray(new JsonObject { ["text"] = site });
    };

    public static readonly Action<JsonObject> LungAdenocarcinoma = Diagnosis("254626006", "Adenocarcinoma of lung (disorder)", "Lung");

    public static readonly Action<JsonObject> ColonAdenocarcinoma = Diagnosis("1701000119104", "Primary adenocarcinoma of colon (disorder)", "Colon");

    public static readonly Action<JsonObject> PancreaticAdenocarcinoma = Diagnosis("700423003", "Adenocarcinoma of pancreas (disorder)", "Pancreas");

    /// <summary>The NGS variant becomes a somatic <paramref name="gene"/> (HGNC id) variant with the given protein change.</summary>
    public static Action<JsonObject> SomaticVariant(string hgncId, string gene, string protein) => bundle =>
    {
        var components = Mutations.Resource(bundle, Variant)["component"]!.AsArray();
        components[0]!["valueCodeableConcept"] = Coded("http://www.genenames.org", hgncId, gene);
        components[1]!["valueCodeableConcept"] = Coded("http://varnomen.hgvs.org", protein, null);
    };

    public static readonly Action<JsonObject> ErNegative = bundle => MarkerBundles.SetValue(bundle, MarkerBundles.Er, MarkerBundles.Value("LA6577-6", "Negative"));

    public static readonly Action<JsonObject> Her2Amplified = bundle => MarkerBundles.SetValue(bundle, MarkerBundles.Her2Ish, MarkerBundles.Value(null, text: "Amplified"));

    public static Action<JsonObject> BornOn(string date) => bundle => Mutations.Resource(bundle, Patient)["birthDate"] = date;

    /// <summary>mCODE disease status "worse" (progression) on 2026-05-02.</summary>
    public static readonly Action<JsonObject> Progressed = FhirTrialBundles.DiseaseStatus("ds-1", "271299001", "2026-05-02");

    /// <summary>mCODE disease status "stable" on 2026-05-02.</summary>
    public static readonly Action<JsonObject> Stable = FhirTrialBundles.DiseaseStatus("ds-1", "359746009", "2026-05-02");

    private static JsonObject Coded(string system, string code, string? display)
    {
        var coding = new JsonObject { ["system"] = system, ["code"] = code };
        if (display is not null)
        {
            coding["display"] = display;
        }

        return new JsonObject { ["coding"] = new JsonArray(coding) };
    }
}
