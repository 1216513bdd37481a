using TumorBoard.Core.Evolution;

namespace TumorBoard.Api.Presentation.Svg;

/// <summary>Class colours (light fills so dark printed values stay readable) and words; the camelCase names match the JSON.</summary>
internal static class EvolutionPalette
{
    public static readonly AlterationClass[] Classes =
    [
        AlterationClass.Truncal, AlterationClass.Branch, AlterationClass.Private, AlterationClass.Emergent,
        AlterationClass.Lost, AlterationClass.GermlineSuspect, AlterationClass.Shared,
    ];

    public static string Fill(AlterationClass cls) => cls switch
    {
        AlterationClass.Truncal => "#9ae6b4",
        AlterationClass.Branch => "#90cdf4",
        AlterationClass.Private => "#d6bcfa",
        AlterationClass.Emergent => "#feb2b2",
        AlterationClass.Lost => "#fbd38d",
        AlterationClass.GermlineSuspect => "#faf089",
        _ => "#b2f5ea",
    };

    public static string Name(AlterationClass cls) => cls switch
    {
        AlterationClass.Truncal => "truncal",
        AlterationClass.Branch => "branch",
        AlterationClass.Private => "private",
        AlterationClass.Emergent => "emergent",
        AlterationClass.Lost => "lost",
        AlterationClass.GermlineSuspect => "germlineSuspect",
        _ => "shared",
    };

    public static string Meaning(AlterationClass cls) => cls switch
    {
        AlterationClass.Truncal => "in every sample that tested for it",
        AlterationClass.Branch => "in later samples, not the primary",
        AlterationClass.Private => "in one sample only",
        AlterationClass.Emergent => "first seen after a therapy started",
        AlterationClass.Lost => "gone from the latest sample",
        AlterationClass.GermlineSuspect => "germline? (heterozygous VAF)",
        _ => "in some samples, not all",
    };

    /// <summary>Line colours of the trajectories: resistance alterations take the warm ones first.</summary>
    public static readonly string[] Lines = ["#c53030", "#dd6b20", "#2b6cb0", "#2f855a", "#6b46c1", "#b7791f", "#2c7a7b", "#97266d", "#4a5568"];
}
