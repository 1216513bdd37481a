using TumorBoard.Core.Alterations;
using TumorBoard.Core.Patients;

namespace TumorBoard.Core.Ingestion;

/// <summary>
/// One genomics DiagnosticReport after parsing and normalisation.
/// <paramref name="IdentifierIsDerived"/> is true when the lab sent no identifier and the key was
/// derived from the bundle identifier plus resource id, or from a content hash.
/// <paramref name="ContentHash"/> (SHA-256 hex of the report's canonical content) decides whether a
/// re-posted report is the same one.
/// <paramref name="PanelGenes"/> is the declared panel (region studied), null when the report declares none.
/// </summary>
public sealed record ParsedReport(
    BusinessIdentifier Identifier,
    bool IdentifierIsDerived,
    string Status,
    DateTimeOffset? IssuedAt,
    DateTimeOffset? EffectiveAt,
    ParsedSpecimen? Specimen,
    IReadOnlyList<Alteration> Alterations,
    IReadOnlyList<string>? PanelGenes,
    IReadOnlyList<LabAnnotation> LabAnnotations,
    string ContentHash,
    string FhirJson)
{
    /// <summary>How <see cref="ContentHash"/> was made (<see cref="ReportContentHash"/>); stored with it, so a hash is only
    /// ever compared with one made the same way.</summary>
    public int ContentHashVersion { get; init; } = ReportContentHash.FirelyForm;

    /// <summary>
    /// The <see cref="ReportContentHash.FirelyForm"/> hash of the same report, computed on demand: a re-post of a report
    /// stored before the posted-JSON hash existed is compared with it. Null when <see cref="ContentHash"/> already is that hash.
    /// </summary>
    public Func<string>? FirelyFormHash { get; init; }

    /// <summary>This report's content hash made the way <paramref name="version"/> says, or null if it cannot be made.</summary>
    public string? ContentHashOf(int version) => version == ContentHashVersion ? ContentHash
        : version == ReportContentHash.FirelyForm ? FirelyFormHash?.Invoke()
        : null;
}
