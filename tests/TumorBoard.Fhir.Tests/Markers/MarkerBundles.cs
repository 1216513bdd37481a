using System.Text.Json.Nodes;
using TumorBoard.Core.Ingestion;
using TumorBoard.Core.Patients;

namespace TumorBoard.Fhir.Tests.Markers;

/// <summary>Marker bundles: the HR+/HER2-low breast fixture changed one thing at a time, and the IG HER2 examples in a report.</summary>
internal static class MarkerBundles
{
    public const string Breast = "breast-hr-positive-her2-low.json";
    public const int Er = 6;
    public const int Pr = 7;
    public const int Her2Ihc = 8;
    public const int Her2Ish = 9;
    public const string Patient = "urn:uuid:22222222-0000-4000-8000-000000000001";

    public static ParsedBundle ReadBreast(Action<JsonObject> change) => Reader.Accepted(Mutations.Of(Breast, change));

    public static JsonObject Value(string? code, string? display = null, string? text = null)
    {
        var concept = new JsonObject();
        if (code is not null)
        {
            var coding = new JsonObject { ["system"] = code.StartsWith("LA", StringComparison.Ordinal) ? "http://loinc.org" : "http://snomed.info/sct", ["code"] = code };
            if (display is not null)
            {
                coding["display"] = display;
            }

            concept["coding"] = new JsonArray(coding);
        }

        if (text is not null)
        {
            concept["text"] = text;
        }

        return concept;
    }

    /// <summary>Replaces an entry's value[x] with a CodeableConcept.</summary>
    public static void SetValue(JsonObject bundle, int entry, JsonObject concept)
    {
        var resource = Mutations.Resource(bundle, entry);
        resource.Remove("valueCodeableConcept");
        resource["valueCodeableConcept"] = concept;
    }

    /// <summary>Appends a standalone marker Observation for the fixture's Patient and returns its entry index.</summary>
    public static int AddObservation(JsonObject bundle, string loinc, JsonObject value, string? effective, Action<JsonObject>? change = null)
    {
        var entries = bundle["entry"]!.AsArray();
        var observation = new JsonObject
        {
            ["resourceType"] = "Observation",
            ["status"] = "final",
            ["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://loinc.org", ["code"] = loinc }) },
            ["subject"] = new JsonObject { ["reference"] = Patient },
            ["valueCodeableConcept"] = value,
        };
        if (effective is not null)
        {
            observation["effectiveDateTime"] = effective;
        }

        change?.Invoke(observation);
        entries.Add(new JsonObject { ["fullUrl"] = $"urn:uuid:22222222-0000-4000-8000-0000000009{entries.Count:00}", ["resource"] = observation });
        return entries.Count - 1;
    }

    public static void RemoveEntry(JsonObject bundle, int entry)
    {
        bundle["entry"]!.AsArray().RemoveAt(entry);
    }

    public static ParsedMarker? Marker(ParsedBundle bundle, ClinicalMarker marker) => bundle.Markers.SingleOrDefault(m => m.Marker == marker);

    public static string Entry(int index, string rest = "") => $"Bundle.entry[{index}].resource{rest}";

    /// <summary>
    /// The Genomics Reporting STU3 HER2 examples (immune stain 18474-7, immunoassay 72382-5), verbatim, with their
    /// Patient and a genomics report that lists them.
    /// </summary>
    public static JsonObject IgHer2Bundle()
    {
        var stain = JsonNode.Parse(TestFiles.VendoredFile("genomics-reporting-stu3-json/Observation-HER2byImmuneStainExample.json"))!;
        var assay = JsonNode.Parse(TestFiles.VendoredFile("genomics-reporting-stu3-json/Observation-HER2byImmunoassayExample.json"))!;
        var report = JsonNode.Parse("""
            {
              "resourceType": "DiagnosticReport", "id": "her2-report", "status": "final",
              "identifier": [{"system": "urn:test:lab-accession", "value": "ACC-IG-HER2"}],
              "code": {"coding": [{"system": "http://loinc.org", "code": "51969-4"}]},
              "subject": {"reference": "Patient/CGPatientExample01"}, "issued": "2019-04-02T10:00:00Z",
              "result": [{"reference": "Observation/HER2byImmuneStainExample"}, {"reference": "Observation/HER2byImmunoassayExample"}]
            }
            """)!;
        var patient = JsonNode.Parse("""{"resourceType": "Patient", "id": "CGPatientExample01", "identifier": [{"system": "urn:test:mrn", "value": "MRN-IG-1"}]}""")!;
        return new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "collection",
            ["entry"] = new JsonArray(
                new JsonObject { ["fullUrl"] = "http://example.org/fhir/Patient/CGPatientExample01", ["resource"] = patient },
                new JsonObject { ["fullUrl"] = "http://example.org/fhir/DiagnosticReport/her2-report", ["resource"] = report },
                new JsonObject { ["fullUrl"] = "http://example.org/fhir/Observation/HER2byImmuneStainExample", ["resource"] = stain },
                new JsonObject { ["fullUrl"] = "http://example.org/fhir/Observation/HER2byImmunoassayExample", ["resource"] = assay }),
        };
    }
}
