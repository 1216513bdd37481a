using Hl7.Fhir.Model;
using TumorBoard.Fhir.Parsing;

namespace TumorBoard.Fhir.Reading;

/// <summary>Checks a genomics DiagnosticReport's own fields: its status, its subject (the bundle's Patient) and its dates.</summary>
internal static class ReportHeaderReader
{
    private static readonly HashSet<string> Statuses = new(StringComparer.Ordinal)
    {
        "registered", "partial", "preliminary", "final", "amended", "corrected", "appended", "cancelled", "entered-in-error", "unknown",
    };

    public static string? Status(Located<DiagnosticReport> report, IssueList issues)
    {
        var raw = FhirValues.Raw(report.Resource.StatusElement)?.Trim();
        if (string.IsNullOrEmpty(raw))
        {
            issues.Error("required", "The report has no status.", $"{report.Path}.status");
            return null;
        }

        if (!Statuses.Contains(raw))
        {
            issues.Error("code-invalid", $"'{raw}' is not a DiagnosticReport status ({string.Join(", ", Statuses)}).", $"{report.Path}.status");
            return null;
        }

        return raw;
    }

    public static void CheckSubject(ReportContext context, Located<DiagnosticReport> report, IssueList issues)
    {
        var subject = report.Resource.Subject;
        if (subject is null)
        {
            issues.Warning("incomplete", "The report has no subject; it is taken to be the bundle's Patient.", $"{report.Path}.subject");
            return;
        }

        var target = context.Index.Resolve(subject, new Located<Resource>(report.Resource, report.Path));
        if (target is null)
        {
            issues.Warning("not-found", $"The report's subject '{subject.Reference}' is not in the bundle; it is taken to be the bundle's Patient.", $"{report.Path}.subject");
        }
        else if (context.Patient is not null && !ReferenceEquals(target.Resource, context.Patient.Resource))
        {
            issues.Error("invalid", $"The report's subject is {target.Path}, not the bundle's Patient ({context.Patient.Path}).", $"{report.Path}.subject");
        }
    }

    public static DateTimeOffset? Date(string? raw, string path, IssueList issues)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        if (FhirValues.TryParseDate(raw, out var value))
        {
            return value;
        }

        issues.Warning("value", $"'{raw}' is not a valid FHIR date/time; it is ignored.", path);
        return null;
    }
}
