using System.Text.Json;
using TumorBoard.Core.Alterations;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Persistence.Mapping;

/// <summary>Maps Core alterations to rows and back without loss, so a stored patient evaluates exactly like the posted one.</summary>
public static class AlterationMapper
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static AlterationEntity ToEntity(Alteration alteration, Guid reportId, Guid patientId, int ordinal) => new()
    {
        Id = Guid.CreateVersion7(),
        ReportId = reportId,
        PatientId = patientId,
        Ordinal = ordinal,
        Key = alteration.Key,
        Gene = alteration.Gene,
        Kind = EnumText.ToText(alteration.Kind),
        ProteinChange = alteration.Protein?.Text,
        ProteinJson = alteration.Protein is null ? null : JsonSerializer.Serialize(alteration.Protein, Json),
        CodingChange = alteration.CodingChange,
        Transcript = alteration.Transcript,
        CopyNumber = alteration.CopyNumber,
        CnaCall = alteration.CnaCall is { } call ? EnumText.ToText(call) : null,
        FusionGenes = alteration.FusionGenes?.ToList(),
        Value = alteration.Value,
        Vaf = alteration.Vaf,
        Origin = EnumText.ToText(alteration.Origin),
        Description = alteration.Description,
        Interpreted = alteration.Interpreted,
    };

    public static Alteration ToDomain(AlterationEntity entity) => new()
    {
        Key = entity.Key,
        Gene = entity.Gene,
        Kind = EnumText.Parse<AlterationKind>(entity.Kind),
        Protein = entity.ProteinJson is null ? null : JsonSerializer.Deserialize<ProteinChange>(entity.ProteinJson, Json),
        CodingChange = entity.CodingChange,
        Transcript = entity.Transcript,
        CopyNumber = Trim(entity.CopyNumber),
        CnaCall = entity.CnaCall is null ? null : EnumText.Parse<CnaCall>(entity.CnaCall),
        FusionGenes = entity.FusionGenes,
        Value = Trim(entity.Value),
        Vaf = Trim(entity.Vaf),
        Origin = EnumText.Parse<VariantOrigin>(entity.Origin),
        Description = entity.Description,
        Interpreted = entity.Interpreted,
    };

    /// <summary>numeric(p,s) columns come back with trailing zeros (12.5000); drop them so 12.5 reads as posted.</summary>
    private static decimal? Trim(decimal? value) => value / 1.000000000000000000000000000000000m;
}
