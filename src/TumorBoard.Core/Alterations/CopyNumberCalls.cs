namespace TumorBoard.Core.Alterations;

/// <summary>
/// Turns a lab's copy-number call (words or Sequence Ontology code) and/or an absolute copy number
/// into a <see cref="CnaCall"/>. The lab's specific call always wins (rare-cases.md 9: thresholds
/// are per assay and specimen type); the raw copy number is kept on the alteration so a call can be
/// re-derived later. Thresholds assume ploidy 2 and ignore purity; see docs/fhir.md.
/// </summary>
public static class CopyNumberCalls
{
    /// <summary>Copy number at or above which a gain is called an amplification (three times ploidy 2; K, not verified).</summary>
    public const decimal AmplificationMinimum = 6m;

    /// <summary>Copy number above which a region is gained (rounds to 3 or more copies).</summary>
    public const decimal GainMinimum = 2.5m;

    /// <summary>Copy number below which one copy is lost (rounds to 1 or fewer).</summary>
    public const decimal LossBelow = 1.5m;

    /// <summary>Copy number below which both copies are lost (rounds to 0): a homozygous deletion.</summary>
    public const decimal DeletionBelow = 0.5m;

    public const string CopyNumberGainSo = "SO:0001742";
    public const string CopyNumberLossSo = "SO:0001743";
    public const string CopyNumberVariationSo = "SO:0001019";

    /// <summary>The call a copy number alone supports; null for a copy number near 2 (no change).</summary>
    public static CnaCall? FromCopyNumber(decimal copyNumber) => copyNumber switch
    {
        >= AmplificationMinimum => CnaCall.Amplification,
        >= GainMinimum => CnaCall.Gain,
        < DeletionBelow => CnaCall.Deletion,
        < LossBelow => CnaCall.Loss,
        _ => null,
    };

    /// <summary>
    /// Combines the lab's words or SO code with the copy number. Specific words (amplification,
    /// homozygous deletion, heterozygous loss) decide; generic gain/loss (SO:0001742/SO:0001743,
    /// "gain", "loss") are refined by the copy number; otherwise the copy number decides.
    /// </summary>
    public static CnaCall? Classify(string? soCode, string? labText, decimal? copyNumber)
    {
        var fromNumber = copyNumber is { } cn ? FromCopyNumber(cn) : null;
        var text = labText?.Trim().ToLowerInvariant() ?? string.Empty;

        if (ContainsAny(text, "amplif", "amplified", " amp", "high-level gain", "high level gain") || text == "amp")
        {
            return CnaCall.Amplification;
        }

        if (ContainsAny(text, "homozygous", "deep deletion", "deep loss", "biallelic", "homdel", "two-copy loss", "copy number 0"))
        {
            return CnaCall.Deletion;
        }

        if (ContainsAny(text, "heterozygous", "hemizygous", "shallow", "single-copy", "one-copy", "single copy"))
        {
            return CnaCall.Loss;
        }

        var generic = soCode?.Trim() switch
        {
            CopyNumberGainSo => CnaCall.Gain,
            CopyNumberLossSo => CnaCall.Loss,
            _ => ContainsAny(text, "gain", "duplication") ? CnaCall.Gain
                : ContainsAny(text, "loss", "deletion", "deleted") ? CnaCall.Loss
                : (CnaCall?)null,
        };

        return generic switch
        {
            CnaCall.Gain => fromNumber == CnaCall.Amplification ? CnaCall.Amplification : CnaCall.Gain,
            CnaCall.Loss => fromNumber == CnaCall.Deletion ? CnaCall.Deletion : CnaCall.Loss,
            _ => fromNumber,
        };
    }

    /// <summary>The lower-case word the contract and keys use: amplification, gain, loss, deletion.</summary>
    public static string Word(CnaCall call) => call switch
    {
        CnaCall.Amplification => "amplification",
        CnaCall.Gain => "gain",
        CnaCall.Loss => "loss",
        CnaCall.Deletion => "deletion",
        _ => throw new ArgumentOutOfRangeException(nameof(call), call, null),
    };

    private static bool ContainsAny(string text, params string[] words) =>
        words.Any(w => text.Contains(w, StringComparison.Ordinal));
}
