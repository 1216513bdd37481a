using Hl7.Fhir.Model;
using TumorBoard.Core.Ingestion;
using TumorBoard.Core.Patients;
using TumorBoard.Core.Vocabularies;
using TumorBoard.Fhir.Parsing;
using TumorBoard.Fhir.Reading;
using TumorBoard.Fhir.Reading.Markers;

namespace TumorBoard.Fhir;

/// <summary>
/// Reads a posted FHIR R4 Bundle (Genomics Reporting STU2/STU3, mCODE) into the service's own terms,
/// reporting every issue with its location. Stateless apart from the vocabulary; safe to share.
/// </summary>
public sealed class GenomicBundleReader
{
    private static readonly HashSet<string> AcceptedBundleTypes = new(StringComparer.Ordinal) { "transaction", "collection", "document" };

    private readonly Vocabulary _vocabulary;

    public GenomicBundleReader(Vocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        _vocabulary = vocabulary;
    }

    /// <summary>
    /// Malformed (400) when the body is not JSON/XML or not a FHIR resource; otherwise a
    /// <see cref="ParsedBundle"/> whose errors mean 422 and whose warnings travel with the stored result.
    /// </summary>
    public BundleReadResult Read(string body, FhirFormat format)
    {
        ArgumentNullException.ThrowIfNull(body);
        var parsed = FhirBodyParser.Parse(body, format);
        // The posted JSON, kept while the reports are read (their content hash and stored form are made from it).
        using var posted = parsed.Json;
        if (parsed.Malformed)
        {
            return BundleReadResult.Malformed(parsed.Issues);
        }

        var issues = new IssueList();
        issues.AddRange(parsed.Issues);
        if (parsed.Resource is not Bundle bundle)
        {
            issues.Error("invalid", $"Expected a Bundle; the body is a {parsed.ResourceType}.", parsed.ResourceType);
            return BundleReadResult.Parsed(Empty(issues));
        }

        var bundleType = FhirValues.Raw(bundle.TypeElement)?.Trim();
        if (bundleType is null || !AcceptedBundleTypes.Contains(bundleType))
        {
            issues.Error(bundleType is null ? "required" : "not-supported", $"The Bundle type must be transaction, collection or document, not '{bundleType ?? "(none)"}'.", "Bundle.type");
        }

        var index = new BundleIndex(bundle);
        var bundleIdentifier = bundle.Identifier is { } id && !string.IsNullOrWhiteSpace(id.System) && !string.IsNullOrWhiteSpace(id.Value)
            ? new BusinessIdentifier(id.System.Trim(), id.Value.Trim())
            : null;
        var (patient, patientResource) = PatientReader.Read(index, issues);
        var diagnosis = DiagnosisReader.Read(index, _vocabulary, issues);
        var context = new ReportContext(index, _vocabulary, diagnosis, patientResource, bundleIdentifier)
        {
            Posted = posted is null ? null : new PostedJson(bundle, posted.RootElement),
        };

        var reports = new List<ParsedReport>();
        foreach (var report in index.All<DiagnosticReport>())
        {
            if (ReportReader.IsGenomic(report.Resource))
            {
                reports.Add(ReportReader.Read(context, report, issues));
            }
            else
            {
                issues.Information("not-supported", "This DiagnosticReport is not a genomics report (LOINC 51969-4 or category GE); it is ignored (clinical marker Observations in the bundle are still read).", report.Path);
            }
        }

        PurityReader.ReportUnread(context, issues);
        if (reports.Count == 0)
        {
            issues.Error("required", "The bundle has no genomics DiagnosticReport (LOINC 51969-4 or category GE).", "Bundle.entry");
        }

        var therapies = TherapyReader.Read(index, _vocabulary, issues);
        var markers = MarkerReader.Read(index, patientResource, issues);
        var statuses = DiseaseStatusReader.Read(index, issues);
        return BundleReadResult.Parsed(new ParsedBundle(bundleIdentifier, patient, diagnosis.Diagnosis, reports, therapies, issues.ToList()) { Markers = markers, DiseaseStatuses = statuses });
    }

    private static ParsedBundle Empty(IssueList issues) => new(null, null, null, [], [], issues.ToList());
}
