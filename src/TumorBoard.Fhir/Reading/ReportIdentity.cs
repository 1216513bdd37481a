using Hl7.Fhir.Model;
using TumorBoard.Core.Patients;
using TumorBoard.Fhir.Parsing;

namespace TumorBoard.Fhir.Reading;

/// <summary>
/// A report's key: its identifier (the lab's accession, system and value). Without one, the contract's
/// fallback: the Bundle's identifier plus the report's resource id, else the content hash (made only then: it is
/// the version 1 hash, so the key of a report stored before version 2 does not change); both with a warning. An identifier with a value but no system is used as is (empty system), with a warning.
/// </summary>
internal static class ReportIdentity
{
    public const string ContentHashSystem = "urn:tumorboard:report-content-sha256";

    public static (BusinessIdentifier Identifier, bool Derived) Identify(
        Located<DiagnosticReport> report, BusinessIdentifier? bundleIdentifier, Func<string> contentHash, IssueList issues)
    {
        var identifiers = report.Resource.Identifier;
        if (identifiers.FirstOrDefault(i => !string.IsNullOrWhiteSpace(i.System) && !string.IsNullOrWhiteSpace(i.Value)) is { } full)
        {
            return (new BusinessIdentifier(full.System!.Trim(), full.Value!.Trim()), false);
        }

        if (identifiers.FirstOrDefault(i => !string.IsNullOrWhiteSpace(i.Value)) is { } valueOnly)
        {
            issues.Warning("incomplete", "The report identifier has no system; it is keyed by its value alone.", $"{report.Path}.identifier[{identifiers.IndexOf(valueOnly)}]");
            return (new BusinessIdentifier(string.Empty, valueOnly.Value!.Trim()), false);
        }

        if (bundleIdentifier is not null && !string.IsNullOrWhiteSpace(report.Resource.Id))
        {
            issues.Warning("incomplete", "The report has no identifier; its key is the Bundle identifier plus the report's resource id.", $"{report.Path}.identifier");
            return (new BusinessIdentifier(bundleIdentifier.System, $"{bundleIdentifier.Value}/DiagnosticReport/{report.Resource.Id}"), true);
        }

        issues.Warning("incomplete", "The report has no identifier (and the Bundle none to derive one); its key is a hash of its content.", $"{report.Path}.identifier");
        return (new BusinessIdentifier(ContentHashSystem, contentHash()), true);
    }
}
