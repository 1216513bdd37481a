using System.Globalization;
using System.Text.Json.Nodes;
using TumorBoard.Api.Features.Demo;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.Tests.Infrastructure;
using TumorBoard.TestSupport.Fhir;

namespace TumorBoard.Api.Tests.BadInput;

/// <summary>
/// The valid bundles the fuzzer breaks: the clinical cases the tests build, a biomarker case, the demo
/// bundles the service ships, the Fhir tests' hand-made fixtures (STU2, STU3, mCODE shapes) and every
/// vendored <c>Bundle-*.json</c> under <c>tests/fixtures</c> (IG examples). Nothing outside the repository.
/// </summary>
public static class FuzzSeeds
{
    public static IReadOnlyList<(string Name, string Json)> All()
    {
        var seeds = new List<(string Name, string Json)>
        {
            ("cases/lung-t790m", Cases.LungT790MAfterErlotinib()),
            ("cases/breast-esr1", Cases.BreastEsr1UnderLetrozole()),
            ("cases/lung-alk", Cases.LungAlkG1202RAfterAlectinib()),
            ("cases/crc", Cases.ColorectalLostAndAcquired()),
            ("cases/ctdna", Cases.LungCtdna()),
            ("cases/germline", Cases.BreastGermlineSuspect()),
            ("cases/panel-cna", Cases.LungPanelWithoutMet()),
            ("cases/biomarkers", Biomarkers()),
        };
        var demo = typeof(DemoSeeder).Assembly.GetManifestResourceNames().Where(n => n.StartsWith("Demo/", StringComparison.Ordinal));
        seeds.AddRange(demo.Order(StringComparer.Ordinal).Select(n => (n.ToLowerInvariant(), DemoBundles.Read(n["Demo/".Length..]))));
        var folder = Path.Combine(AppContext.BaseDirectory, "FuzzSeeds");
        seeds.AddRange(Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText(f)))
            .Where(s => IsBundle(s.Item2)));
        return seeds;
    }

    /// <summary>
    /// Appends a per-variant suffix to the patient's, the reports' and the bundle's identifiers, so an
    /// accepted variant is stored as a new patient and the next variant is not a conflict with it.
    /// </summary>
    public static void MakeUnique(JsonObject bundle, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var suffix = string.Create(CultureInfo.InvariantCulture, $"-fuzz{ordinal}");
        Suffix(bundle["identifier"], suffix);
        foreach (var entry in bundle["entry"] as JsonArray ?? [])
        {
            if (entry?["resource"] is JsonObject resource && resource["resourceType"]?.GetValue<string>() is "Patient" or "DiagnosticReport")
            {
                foreach (var identifier in resource["identifier"] as JsonArray ?? [])
                {
                    Suffix(identifier, suffix);
                }
            }
        }
    }

    private static void Suffix(JsonNode? identifier, string suffix)
    {
        if (identifier is JsonObject id && id["value"] is JsonValue value && value.TryGetValue<string>(out var text))
        {
            id["value"] = text + suffix;
        }
    }

    private static bool IsBundle(string json) =>
        JsonNode.Parse(json) is JsonObject root
        && root["resourceType"]?.GetValue<string>() == "Bundle"
        && root["type"]?.GetValue<string>() is "transaction" or "collection" or "document";

    private static string Biomarkers() =>
        Cases.Patient("MRN-FUZZ-TMB", "COAD", "Colon Adenocarcinoma", TestSite.Colon)
            .Marker(new TestMarker("85319-2", "HER2 [Presence] in Tissue by Immune stain", "LA6577-6", "Negative"), Cases.Diagnosis)
            .Report(new TestReport("ACC-FUZZ-TMB", TestSite.Colon, Cases.Diagnosis,
                [new TestTmb(12.5m), new TestMsi(true), new TestCopyNumber("ERBB2", 8m), new TestFusion("TPM3", "NTRK1")]))
            .ToJson();
}
