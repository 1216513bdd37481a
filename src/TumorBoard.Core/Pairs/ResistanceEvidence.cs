using TumorBoard.Core.Alterations;

namespace TumorBoard.Core.Pairs;

/// <summary>
/// Which alterations carry a resistance finding, as the rules engine decided. The comparison only asks the
/// question; it never decides resistance itself.
/// </summary>
public sealed class ResistanceEvidence
{
    private readonly Func<Alteration, bool> _isResistance;

    private ResistanceEvidence(Func<Alteration, bool> isResistance) => _isResistance = isResistance;

    /// <summary>No resistance findings: no alteration is flagged emergentResistance.</summary>
    public static ResistanceEvidence None { get; } = new(_ => false);

    /// <summary>Alterations whose key is in <paramref name="alterationKeys"/> (case-insensitive) carry a resistance finding.</summary>
    public static ResistanceEvidence FromKeys(IEnumerable<string> alterationKeys)
    {
        var keys = new HashSet<string>(alterationKeys, StringComparer.OrdinalIgnoreCase);
        return new ResistanceEvidence(a => keys.Contains(a.Key));
    }

    /// <summary>Any predicate, e.g. one closing over the rules engine's evaluation of the <c>to</c> report.</summary>
    public static ResistanceEvidence FromPredicate(Func<Alteration, bool> isResistance) => new(isResistance);

    public bool IsResistance(Alteration alteration) => _isResistance(alteration);
}
