using System.Text.Json;
using TumorBoard.Core.Alterations;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Persistence.Mapping;

/// <summary>Maps Core alterations to rows and back without loss, so a stored patient evaluates exactly like the posted one.</summary>
public static class AlterationMapper
{
    public static AlterationEntity ToEntity(Alteration alteration, Guid reportId, Guid patientId, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(alteration);
        return new()
        {
            Id = Guid.CreateVersion7(),
            ReportId = reportId,
            PatientId = patientId,
            Ordinal = ordinal,
            Key = alteration.Key,
            Gene = alteration.Gene,
            Kind = EnumText.ToText(alteration.Kind),
            ProteinChange = alteration.Protein?.Text,
            ProteinJson = alteration.Protein is null ? null : JsonSerializer.Serialize(alteration.Protein, ProteinJsonContext.Default.ProteinChange),
            CodingChange = alteration.CodingChange,
            Transcript = alteration.Transcript,
            CopyNumber = Scale(alteration.CopyNumber, 3),
            CnaCall = alteration.CnaCall is { } call ? EnumText.ToText(call) : null,
            FusionGenes = alteration.FusionGenes?.ToList(),
            Value = Scale(alteration.Value, 4),
            Vaf = Scale(alteration.Vaf, 5),
            Origin = EnumText.ToText(alteration.Origin),
            Description = alteration.Description,
            Interpreted = alteration.Interpreted,
        };
    }

    public static Alteration ToDomain(AlterationEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return new()
        {
            Key = entity.Key,
            Gene = entity.Gene,
            Kind = EnumText.Parse<AlterationKind>(entity.Kind),
            Protein = entity.ProteinJson is null ? null : JsonSerializer.Deserialize(entity.ProteinJson, ProteinJsonContext.Default.ProteinChange),
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
    }

    /// <summary>
    /// Rounded as PostgreSQL rounds into the column's numeric scale (AlterationConfiguration; half away from zero), so the
    /// entity holds what the row will hold: ingestion evaluates the entities before they are saved.
    /// </summary>
    private static decimal? Scale(decimal? value, int scale) => value is { } v ? Math.Round(v, scale, MidpointRounding.AwayFromZero) : null;

    /// <summary>numeric(p,s) columns come back with trailing zeros (12.5000); drop them so 12.5 reads as posted.</summary>
    private static decimal? Trim(decimal? value) => value / 1.000000000000000000000000000000000m;
}
