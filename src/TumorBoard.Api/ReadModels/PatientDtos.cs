namespace TumorBoard.Api.ReadModels;

public sealed record IdentifierDto(string System, string Value);

public sealed record TumorTypeDto(string OncotreeCode, string Name);

public sealed record PatientSummaryDto(Guid PatientId, IReadOnlyList<IdentifierDto> Identifiers, TumorTypeDto? TumorType);

public sealed record SpecimenDto(string Role, string? Site, DateTimeOffset? CollectedAt, string? Type, string RoleReason);

public sealed record ReportSummaryDto(
    Guid ReportId,
    IdentifierDto Identifier,
    string Status,
    SpecimenDto? Specimen,
    DateTimeOffset? IssuedAt,
    int AlterationCount,
    int Version,
    IReadOnlyList<string>? PanelGenes);

public sealed record PriorTherapyDto(IReadOnlyList<string> Drugs, DateTimeOffset? Start, DateTimeOffset? End);

public sealed record ClinicalMarkerDto(string Marker, string Status, DateTimeOffset? EffectiveAt, string Source);

public sealed record PatientDto(
    Guid PatientId,
    IReadOnlyList<IdentifierDto> Identifiers,
    TumorTypeDto? TumorType,
    IReadOnlyList<ReportSummaryDto> Reports,
    IReadOnlyList<PriorTherapyDto> PriorTherapies,
    Guid? LatestEvaluationId,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Receptor and IHC results (HER2, ER, PR, MMR proteins) the bundles carried, newest first.</summary>
    public IReadOnlyList<ClinicalMarkerDto> ClinicalMarkers { get; init; } = [];
}

public sealed record AlterationDto(
    string Key,
    string Gene,
    string Kind,
    string? ProteinChange,
    string? CodingChange,
    decimal? CopyNumber,
    string? CnaCall,
    IReadOnlyList<string>? FusionGenes,
    decimal? Value,
    decimal? Vaf,
    string Origin,
    Guid ReportId,
    string SpecimenRole,
    bool Interpreted,
    string? Description);
