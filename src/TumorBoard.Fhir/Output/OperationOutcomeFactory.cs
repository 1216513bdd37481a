using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using TumorBoard.Core.Ingestion;

namespace TumorBoard.Fhir.Output;

/// <summary>
/// Builds the OperationOutcome JSON (<c>application/fhir+json</c>) that FHIR routes answer with:
/// every issue with severity, code, diagnostics and the expression locating it.
/// </summary>
public static class OperationOutcomeFactory
{
    public const string MediaType = FhirMediaTypes.Json;

    public static string FromIssues(IEnumerable<IngestIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        var outcome = new OperationOutcome();
        foreach (var issue in issues)
        {
            outcome.Issue.Add(ToComponent(issue));
        }

        if (outcome.Issue.Count == 0)
        {
            outcome.Issue.Add(new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Information,
                Code = OperationOutcome.IssueType.Informational,
                Diagnostics = "No issues.",
            });
        }

        return outcome.ToJson();
    }

    /// <summary>A single error, e.g. 413 (<c>too-costly</c>) or 415 (<c>not-supported</c>) answers.</summary>
    public static string SingleError(string code, string diagnostics, string? expression = null) =>
        FromIssues([new IngestIssue(IssueSeverity.Error, code, diagnostics, expression)]);

    /// <summary>413: the body exceeds the configured limit.</summary>
    public static string PayloadTooLarge(long limitBytes) =>
        SingleError("too-costly", $"The body exceeds the limit of {limitBytes} bytes.");

    /// <summary>415: the content type is not one the FHIR endpoint accepts.</summary>
    public static string UnsupportedMediaType(string? contentType) =>
        SingleError("not-supported", $"Unsupported content type '{contentType ?? "(none)"}'; use application/fhir+json, application/json or application/fhir+xml.");

    private static OperationOutcome.IssueComponent ToComponent(IngestIssue issue)
    {
        var component = new OperationOutcome.IssueComponent
        {
            Severity = issue.Severity switch
            {
                IssueSeverity.Fatal => OperationOutcome.IssueSeverity.Fatal,
                IssueSeverity.Error => OperationOutcome.IssueSeverity.Error,
                IssueSeverity.Warning => OperationOutcome.IssueSeverity.Warning,
                _ => OperationOutcome.IssueSeverity.Information,
            },
            Diagnostics = issue.Diagnostics,
        };
        component.Code = EnumUtility.ParseLiteral<OperationOutcome.IssueType>(issue.Code) ?? OperationOutcome.IssueType.Processing;
        if (issue.Expression is not null)
        {
            component.Expression = [issue.Expression];
        }

        return component;
    }
}
