using System.Globalization;
using TumorBoard.Core.Alterations;

namespace TumorBoard.Core.Rules.Matchers;

/// <summary>Tumour mutational burden at or above <paramref name="Threshold"/> mutations per megabase.</summary>
public sealed record TmbMatcher(decimal Threshold) : AlterationMatcher
{
    public override string IndexKey => IndexKeys.Tmb;

    public override bool Matches(Alteration alteration) =>
        alteration.Kind == AlterationKind.Tmb && alteration.Value is { } value && value >= Threshold;

    public override string Describe() => $"TMB >= {Threshold.ToString(CultureInfo.InvariantCulture)} mut/Mb";
}

/// <summary>Microsatellite instability-high (the contract's key <c>MSI-H</c>; dMMR reported as MSI-H).</summary>
public sealed record MsiHighMatcher : AlterationMatcher
{
    public const string MsiHighKey = "MSI-H";

    public override string IndexKey => IndexKeys.Msi;

    public override bool Matches(Alteration alteration) =>
        alteration.Kind == AlterationKind.Msi && string.Equals(alteration.Key, MsiHighKey, StringComparison.OrdinalIgnoreCase);

    public override string Describe() => "MSI-H";
}
