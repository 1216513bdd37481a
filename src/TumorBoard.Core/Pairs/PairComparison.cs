using TumorBoard.Core.Patients;

namespace TumorBoard.Core.Pairs;

/// <summary>
/// The comparison of two reports, shaped after the HTTP contract's "Paired comparison".
/// </summary>
/// <param name="FromReportId">The earlier/reference report (x axis of the scatter).</param>
/// <param name="ToReportId">The later/compared report (y axis); "acquired" means seen here only.</param>
/// <param name="FromRole">Specimen role of <paramref name="FromReportId"/>.</param>
/// <param name="ToRole">Specimen role of <paramref name="ToReportId"/>.</param>
/// <param name="Concordance">
/// <see cref="SharedCount"/> / <see cref="ComparedCount"/>, rounded to two decimals; null when nothing was
/// comparable (0/0 is not 100 % and not 0 %).
/// </param>
/// <param name="SharedCount">Comparable alterations seen in both reports.</param>
/// <param name="ComparedCount">
/// Comparable alterations: shared + acquired + lost, excluding notTested, TMB/MSI (whole-sample measurements,
/// listed with their values but not events that are present or absent) and uninterpreted alterations.
/// </param>
/// <param name="Alterations">Acquired, lost, shared, notTested, each group ordered by key.</param>
public sealed record PairComparison(
    string FromReportId,
    string ToReportId,
    SpecimenRole FromRole,
    SpecimenRole ToRole,
    decimal? Concordance,
    int SharedCount,
    int ComparedCount,
    IReadOnlyList<ComparedAlteration> Alterations);
