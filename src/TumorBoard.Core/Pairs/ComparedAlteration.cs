using TumorBoard.Core.Alterations;

namespace TumorBoard.Core.Pairs;

/// <summary>
/// One alteration key across the pair. <see cref="InFrom"/>/<see cref="InTo"/> say where it was seen
/// (VAF can be null for CNAs and fusions, so VAF alone cannot say that); <see cref="ValueFrom"/>/<see cref="ValueTo"/>
/// carry TMB values.
/// </summary>
public sealed record ComparedAlteration(
    string Key,
    string Gene,
    AlterationKind Kind,
    PairStatus Status,
    bool InFrom,
    bool InTo,
    decimal? VafFrom,
    decimal? VafTo,
    decimal? ValueFrom,
    decimal? ValueTo,
    IReadOnlyList<PairFlag> Flags)
{
    /// <summary>True when the alteration enters the concordance denominator (see <see cref="PairComparison.Concordance"/>).</summary>
    public bool CountsForConcordance =>
        Status != PairStatus.NotTested
        && Kind is not (AlterationKind.Tmb or AlterationKind.Msi)
        && !Flags.Contains(PairFlag.Uninterpreted);
}
