using TumorBoard.Core.Patients;

namespace TumorBoard.Core.Ingestion;

/// <summary>
/// The primary cancer and its metastatic sites as the bundle states them, with the OncoTree mapping.
/// <paramref name="TumorType"/> is null when the code could not be mapped (a warning says so).
/// </summary>
public sealed record ParsedDiagnosis(
    TumorType? TumorType,
    string? SourceSystem,
    string? SourceCode,
    string? SourceDisplay,
    string? PrimarySite,
    IReadOnlyList<string> MetastaticSites);
