using TumorBoard.Core.Pairs;
using TumorBoard.Core.Patients;

namespace TumorBoard.Api.Presentation.Svg;

/// <summary>The words the picture uses for roles, statuses and flags (the camelCase ones match the JSON).</summary>
internal static class ScatterVocabulary
{
    public static string Role(SpecimenRole role) => role switch
    {
        SpecimenRole.Primary => "primary",
        SpecimenRole.Metastasis => "metastasis",
        SpecimenRole.Ctdna => "ctDNA",
        SpecimenRole.Normal => "normal",
        _ => "unknown role",
    };

    public static string Status(PairStatus status) => status switch
    {
        PairStatus.Shared => "shared",
        PairStatus.Acquired => "acquired",
        PairStatus.Lost => "lost",
        _ => "notTested",
    };

    public static string StatusText(PairStatus status) => status switch
    {
        PairStatus.Acquired => "acquired (to only)",
        PairStatus.Lost => "lost (from only)",
        PairStatus.NotTested => "not tested in the other report",
        _ => "shared",
    };

    public static string Flag(PairFlag flag) => flag switch
    {
        PairFlag.EmergentResistance => "emergentResistance",
        PairFlag.GermlineSuspect => "germlineSuspect",
        PairFlag.Subclonal => "subclonal",
        PairFlag.PossibleClonalHematopoiesis => "possibleClonalHematopoiesis",
        _ => "uninterpreted",
    };

    /// <summary>Short words for a flag next to a point's label.</summary>
    public static string FlagText(PairFlag flag) => flag switch
    {
        PairFlag.EmergentResistance => "emergent resistance",
        PairFlag.GermlineSuspect => "germline?",
        PairFlag.Subclonal => "subclonal",
        PairFlag.PossibleClonalHematopoiesis => "possible CHIP",
        _ => "uninterpreted",
    };
}
