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
    string FhirJson);
