using TumorBoard.Core.Alterations;

namespace TumorBoard.Core.Rules.Matchers;

/// <summary>
/// Copy-number decisions shared by matchers. The lab's call wins over the raw value: a value is only
/// used when no call was given, because thresholds depend on the assay, purity and ploidy.
/// </summary>
internal static class CopyNumberCalls
{
    public static bool IsDeepDeletion(Alteration alteration) =>
        alteration.CnaCall == CnaCall.Deletion
        || (alteration.CnaCall is null && alteration.Kind == AlterationKind.Cna && alteration.CopyNumber == 0m);

    public static bool IsAmplified(Alteration alteration, decimal? minCopyNumber) =>
        alteration.CnaCall == CnaCall.Amplification
        || (alteration.CnaCall is null && alteration.Kind == AlterationKind.Cna
            && minCopyNumber is { } threshold && alteration.CopyNumber >= threshold);
}
