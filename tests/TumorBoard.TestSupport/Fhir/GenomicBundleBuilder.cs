using System.Globalization;
using System.Text.Json.Nodes;

namespace TumorBoard.TestSupport.Fhir;

/// <summary>
/// Builds FHIR R4 Bundles shaped like the Genomics Reporting IG STU3 with mCODE conditions, for tests
/// and the load generator: a patient, the primary cancer and metastatic sites, prior therapies and
/// genomics reports with their specimens and results. Output is JSON text, as an EHR would post it.
/// </summary>
public sealed class GenomicBundleBuilder(string patientSystem, string patientValue)
{
    private const string Loinc = "http://loinc.org";
    private const string Snomed = "http://snomed.info/sct";
    private readonly List<JsonObject> _entries = [];
    private readonly List<TestReport> _reports = [];
    private int _next;

    public string BundleType { get; set; } = "collection";

    /// <summary>The Patient's administrative gender (FHIR code).</summary>
    public string Gender { get; set; } = "female";

    public DateOnly BirthDate { get; set; } = new(1960, 1, 1);

    public GenomicBundleBuilder PrimaryCancer(string system, string code, string display, TestSite site)
    {
        ArgumentNullException.ThrowIfNull(site);
        _entries.Add(Entry("Condition", new JsonObject
        {
            ["meta"] = new JsonObject { ["profile"] = new JsonArray("http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-primary-cancer-condition") },
            ["code"] = Coded(system, code, display),
            ["bodySite"] = new JsonArray(Coded(Snomed, site.BodySiteCode!, site.BodySiteDisplay)),
            ["subject"] = PatientRef(),
        }));
        return this;
    }

    public GenomicBundleBuilder Metastasis(TestSite site)
    {
        ArgumentNullException.ThrowIfNull(site);
        _entries.Add(Entry("Condition", new JsonObject
        {
            ["meta"] = new JsonObject { ["profile"] = new JsonArray("http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-secondary-cancer-condition") },
            ["code"] = Coded(Snomed, "128462008", "Secondary malignant neoplastic disease"),
            ["bodySite"] = new JsonArray(Coded(Snomed, site.BodySiteCode!, site.BodySiteDisplay)),
            ["subject"] = PatientRef(),
        }));
        return this;
    }

    public GenomicBundleBuilder Therapy(string drugText, DateTimeOffset start, DateTimeOffset? end = null)
    {
        var period = new JsonObject { ["start"] = Date(start) };
        if (end is { } e)
        {
            period["end"] = Date(e);
        }

        _entries.Add(Entry("MedicationStatement", new JsonObject
        {
            ["status"] = end is null ? "active" : "completed",
            ["medicationCodeableConcept"] = new JsonObject { ["text"] = drugText },
            ["subject"] = PatientRef(),
            ["effectivePeriod"] = period,
        }));
        return this;
    }

    /// <summary>A standalone marker Observation (ER, PR, HER2 IHC/ISH...), as pathology sends it outside the genomics report.</summary>
    public GenomicBundleBuilder Marker(TestMarker marker, DateTimeOffset effective)
    {
        ArgumentNullException.ThrowIfNull(marker);
        var value = marker.ValueCode is null
            ? new JsonObject { ["text"] = marker.ValueText }
            : Coded(Loinc, marker.ValueCode, marker.ValueText);
        _entries.Add(Entry("Observation", new JsonObject
        {
            ["meta"] = new JsonObject { ["profile"] = new JsonArray("http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-tumor-marker-test") },
            ["status"] = "final",
            ["category"] = new JsonArray(Coded("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory", "Laboratory")),
            ["code"] = Coded(Loinc, marker.LoincCode, marker.Display),
            ["subject"] = PatientRef(),
            ["effectiveDateTime"] = Date(effective),
            ["valueCodeableConcept"] = value,
        }));
        return this;
    }

    /// <summary>An mCODE CancerDiseaseStatus (LOINC 97509-4) with a SNOMED CT trend code: 271299001 worse, 359746009 stable, 268910001 improved.</summary>
    public GenomicBundleBuilder DiseaseStatus(string snomed, string display, DateTimeOffset effective)
    {
        _entries.Add(Entry("Observation", new JsonObject
        {
            ["meta"] = new JsonObject { ["profile"] = new JsonArray("http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-cancer-disease-status") },
            ["status"] = "final",
            ["code"] = Coded(Loinc, "97509-4", "Cancer disease progression"),
            ["subject"] = PatientRef(),
            ["effectiveDateTime"] = Date(effective),
            ["valueCodeableConcept"] = Coded(Snomed, snomed, display),
        }));
        return this;
    }

    public GenomicBundleBuilder Report(TestReport report)
    {
        _reports.Add(report);
        return this;
    }

    public string ToJson()
    {
        var entries = new JsonArray();
        entries.Add(Entry("Patient", new JsonObject
        {
            ["identifier"] = new JsonArray(new JsonObject { ["system"] = patientSystem, ["value"] = patientValue }),
            ["gender"] = Gender,
            ["birthDate"] = BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, "patient"));
        foreach (var entry in _entries)
        {
            entries.Add(entry.DeepClone());
        }

        foreach (var report in _reports)
        {
            AddReport(entries, report);
        }

        return new JsonObject { ["resourceType"] = "Bundle", ["type"] = BundleType, ["entry"] = entries }.ToJsonString();
    }

    private void AddReport(JsonArray entries, TestReport report)
    {
        var specimen = Entry("Specimen", SpecimenResource(report));
        entries.Add(specimen);
        var results = new JsonArray();
        foreach (var result in report.Results)
        {
            var observation = Entry("Observation", ObservationFactory.Create(result, PatientRef(), SpecimenRefOf(specimen)));
            entries.Add(observation);
            results.Add(new JsonObject { ["reference"] = observation["fullUrl"]!.GetValue<string>() });
        }

        entries.Add(Entry("DiagnosticReport", new JsonObject
        {
            ["identifier"] = new JsonArray(new JsonObject { ["system"] = "urn:test:lab-accession", ["value"] = report.Accession }),
            ["status"] = report.Status,
            ["category"] = new JsonArray(Coded("http://terminology.hl7.org/CodeSystem/v2-0074", "GE", "Genetics")),
            ["code"] = Coded(Loinc, "51969-4", "Genetic analysis report"),
            ["subject"] = PatientRef(),
            ["issued"] = report.CollectedAt.AddDays(10).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["specimen"] = new JsonArray(SpecimenRefOf(specimen)),
            ["result"] = results,
        }));
    }

    private JsonObject SpecimenResource(TestReport report)
    {
        var bodySite = report.Site.BodySiteCode is null
            ? new JsonObject { ["text"] = report.Site.BodySiteDisplay }
            : Coded(Snomed, report.Site.BodySiteCode, report.Site.BodySiteDisplay);
        return new JsonObject
        {
            ["type"] = Coded(Snomed, report.Site.TypeCode, report.Site.TypeDisplay),
            ["subject"] = PatientRef(),
            ["collection"] = new JsonObject { ["collectedDateTime"] = Date(report.CollectedAt), ["bodySite"] = bodySite },
        };
    }

    private JsonObject Entry(string resourceType, JsonObject resource, string? id = null)
    {
        id ??= $"{resourceType.ToLowerInvariant()}-{++_next}";
        var body = new JsonObject { ["resourceType"] = resourceType, ["id"] = id };
        foreach (var (key, value) in resource)
        {
            body[key] = value?.DeepClone();
        }

        return new JsonObject { ["fullUrl"] = $"urn:uuid:{Uuid(id)}", ["resource"] = body };
    }

    private string Uuid(string id) =>
        new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(patientSystem + "|" + patientValue + "|" + id)).AsSpan(0, 16)).ToString();

    private JsonObject PatientRef() => new() { ["reference"] = $"urn:uuid:{Uuid("patient")}" };

    private static JsonObject SpecimenRefOf(JsonObject specimenEntry) => new() { ["reference"] = specimenEntry["fullUrl"]!.GetValue<string>() };

    internal static JsonObject Coded(string system, string code, string display) =>
        new() { ["coding"] = new JsonArray(new JsonObject { ["system"] = system, ["code"] = code, ["display"] = display }) };

    private static string Date(DateTimeOffset value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
