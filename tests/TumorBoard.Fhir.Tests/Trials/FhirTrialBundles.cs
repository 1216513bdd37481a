using System.Text.Json.Nodes;
using TumorBoard.Core.Ingestion;
using TumorBoard.Fhir.Tests.Markers;

namespace TumorBoard.Fhir.Tests.Trials;

/// <summary>The HR+/HER2-low breast fixture changed for trial cases: the variant, the specimen, disease status and therapies.</summary>
internal static class FhirTrialBundles
{
    private const int Specimen = 2;
    private const int Variant = 4;

    public static ParsedBundle Breast(params Action<JsonObject>[] changes) =>
        Reader.Accepted(Mutations.Of(MarkerBundles.Breast, bundle => Array.ForEach(changes, change => change(bundle))));

    /// <summary>The NGS variant becomes a germline finding in <paramref name="gene"/> (HGNC id) with the given protein change.</summary>
    public static Action<JsonObject> GermlineVariant(string hgncId, string gene, string protein) => bundle =>
    {
        var components = Mutations.Resource(bundle, Variant)["component"]!.AsArray();
        components[0]!["valueCodeableConcept"] = Coded("http://www.genenames.org", hgncId, gene);
        components[1]!["valueCodeableConcept"] = Coded("http://varnomen.hgvs.org", protein, null);
        components[2]!["valueCodeableConcept"] = Coded("http://loinc.org", "LA6683-2", "Germline");
    };

    /// <summary>The NGS specimen becomes a bone metastasis biopsy.</summary>
    public static readonly Action<JsonObject> BoneMetastasisBiopsy = bundle =>
    {
        var specimen = Mutations.Resource(bundle, Specimen);
        specimen["type"] = new JsonObject { ["text"] = "Bone metastasis biopsy" };
        specimen["collection"]!["bodySite"] = new JsonObject { ["text"] = "Bone metastasis (iliac crest)" };
    };

    /// <summary>Adds an mCODE CancerDiseaseStatus (LOINC 97509-4) with a SNOMED CT trend code.</summary>
    public static Action<JsonObject> DiseaseStatus(string id, string snomed, string date) => bundle => Add(bundle, new JsonObject
    {
        ["resourceType"] = "Observation",
        ["id"] = id,
        ["meta"] = new JsonObject { ["profile"] = new JsonArray("http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-cancer-disease-status") },
        ["status"] = "final",
        ["code"] = Coded("http://loinc.org", "97509-4", null),
        ["subject"] = new JsonObject { ["reference"] = MarkerBundles.Patient },
        ["effectiveDateTime"] = date,
        ["valueCodeableConcept"] = Coded("http://snomed.info/sct", snomed, null),
    });

    /// <summary>Adds a completed MedicationStatement for <paramref name="drug"/> over the given period.</summary>
    public static Action<JsonObject> Took(string id, string drug, string start, string end) => bundle => Add(bundle, new JsonObject
    {
        ["resourceType"] = "MedicationStatement",
        ["id"] = id,
        ["status"] = "completed",
        ["medicationCodeableConcept"] = new JsonObject { ["text"] = drug },
        ["subject"] = new JsonObject { ["reference"] = MarkerBundles.Patient },
        ["effectivePeriod"] = new JsonObject { ["start"] = start, ["end"] = end },
    });

    /// <summary>Adds the mCODE STU1 CancerDiseaseStatus example verbatim (tests/fixtures), pointed at the fixture's Patient.</summary>
    public static readonly Action<JsonObject> McodeStu1DiseaseStatusExample = bundle =>
    {
        var example = JsonNode.Parse(TestFiles.VendoredFile("mcode-stu1-json/Observation-mCODECancerDiseaseStatusExample01.json"))!.AsObject();
        example["subject"] = new JsonObject { ["reference"] = MarkerBundles.Patient };
        example.Remove("performer");
        Add(bundle, example);
    };

    private static void Add(JsonObject bundle, JsonObject resource) =>
        bundle["entry"]!.AsArray().Add(new JsonObject { ["fullUrl"] = $"urn:uuid:{Guid.NewGuid()}", ["resource"] = resource });

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
