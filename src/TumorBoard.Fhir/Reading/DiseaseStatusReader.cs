using Hl7.Fhir.Model;
using TumorBoard.Core.Patients;
using TumorBoard.Fhir.Parsing;

namespace TumorBoard.Fhir.Reading;

/// <summary>
/// Reads mCODE CancerDiseaseStatus Observations (LOINC 97509-4, STU1's 88040-1, or the mCODE profile) into
/// disease-status assessments with their date and the resource they came from. The value is the mCODE
/// ConditionStatusTrendVS SNOMED CT code (improved, stable, worse, undetermined, not detected, remission);
/// an unreadable value is a warning and records nothing. The trial engine's progression fact comes from these.
/// </summary>
internal static class DiseaseStatusReader
{
    private const string Profile = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-cancer-disease-status";
    private static readonly string[] Codes = ["97509-4", "88040-1"];
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "entered-in-error", "cancelled", "registered" };

    private static readonly Dictionary<string, (DiseaseStatus Status, string Text)> Values = new(StringComparer.Ordinal)
    {
        ["271299001"] = (DiseaseStatus.Progression, "worse"),
        ["359746009"] = (DiseaseStatus.Stable, "stable"),
        ["268910001"] = (DiseaseStatus.Improved, "improved"),
        ["260415000"] = (DiseaseStatus.NotDetected, "not detected"),
        ["550991000124107"] = (DiseaseStatus.NotDetected, "full remission"),
        ["551001000124108"] = (DiseaseStatus.Improved, "partial remission"),
        ["709137006"] = (DiseaseStatus.Undetermined, "undetermined"),
    };

    /// <summary>True when the Observation is a cancer disease status (read here, not as a report finding).</summary>
    public static bool Handles(Observation observation) =>
        FhirValues.HasAnyCode(observation.Code, Codes) || observation.Meta?.Profile?.Any(p => p?.StartsWith(Profile, StringComparison.Ordinal) == true) == true;

    public static List<DiseaseStatusRecord> Read(BundleIndex index, IssueList issues)
    {
        var records = new List<DiseaseStatusRecord>();
        foreach (var located in index.All<Observation>())
        {
            var (observation, path) = (located.Resource, located.Path);
            if (!Handles(observation))
            {
                continue;
            }

            var status = FhirValues.Raw(observation.StatusElement)?.Trim();
            if (status is not null && Ignored.Contains(status))
            {
                issues.Information("informational", $"The disease status observation has status '{status}'; it is ignored.", $"{path}.status");
                continue;
            }

            var concept = observation.Value as CodeableConcept;
            var coded = FhirValues.Codings(concept).Select(c => c.Code?.Trim()).FirstOrDefault(c => c is not null && Values.ContainsKey(c));
            if (coded is null)
            {
                issues.Warning("value", $"The disease status '{(concept is null ? "(no coded value)" : FhirValues.Describe(concept))}' is not an mCODE condition-status trend code (SNOMED CT 268910001, 359746009, 271299001, 709137006, 260415000); progression is not set from it.", $"{path}.value");
                continue;
            }

            var (value, text) = Values[coded];
            var effective = FhirValues.Span(observation.Effective).Start ?? FhirValues.Date(FhirValues.Raw(observation.IssuedElement));
            var source = string.IsNullOrWhiteSpace(observation.Id) ? path : $"Observation/{observation.Id}";
            records.Add(new DiseaseStatusRecord(value, effective, $"{source} (SNOMED CT {coded} {text})"));
        }

        return records;
    }
}
