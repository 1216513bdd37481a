namespace TumorBoard.Core.Rules;

/// <summary>An ESMO ESCAT tier (I-A … X) with the source that assigns it; rules carry one only when sourced.</summary>
public sealed record EscatAssignment(string Tier, Citation Source)
{
    /// <summary>Every tier of the ESCAT scale (Mateo et al. 2018).</summary>
    public static readonly IReadOnlySet<string> Tiers = new HashSet<string>(StringComparer.Ordinal)
    {
        "I-A", "I-B", "I-C", "II-A", "II-B", "III-A", "III-B", "IV-A", "IV-B", "V", "X",
    };
}
