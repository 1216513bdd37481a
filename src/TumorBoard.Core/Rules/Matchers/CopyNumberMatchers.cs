using System.Globalization;
using TumorBoard.Core.Alterations;

namespace TumorBoard.Core.Rules.Matchers;

/// <summary>
/// Amplification: the lab called it, or (no call given) the copy number reaches <paramref name="MinCopyNumber"/>.
/// A "gain" call is not an amplification, whatever its value.
/// </summary>
public sealed record AmplificationMatcher(string Gene, decimal? MinCopyNumber) : AlterationMatcher
{
    public override string IndexKey => Gene;

    public override bool Matches(Alteration alteration) => CopyNumberCalls.IsAmplified(alteration, MinCopyNumber);

    public override string Describe() => MinCopyNumber is { } threshold
        ? $"{Gene} amplification (called, or copy number >= {threshold.ToString(CultureInfo.InvariantCulture)} without a call)"
        : $"{Gene} amplification (called)";
}

/// <summary>Homozygous (deep) deletion: called as deletion, or copy number 0 without a call; a shallow loss never matches.</summary>
public sealed record DeletionMatcher(string Gene) : AlterationMatcher
{
    public override string IndexKey => Gene;

    public override bool Matches(Alteration alteration) => CopyNumberCalls.IsDeepDeletion(alteration);

    public override string Describe() => $"{Gene} homozygous deletion";
}
