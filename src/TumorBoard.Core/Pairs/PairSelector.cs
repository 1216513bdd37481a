using TumorBoard.Core.Patients;

namespace TumorBoard.Core.Pairs;

/// <summary>
/// Chooses the two reports of a comparison. Default: the latest primary against the latest metastasis,
/// else against the latest ctDNA; without such a pair, the two most recent tumour samples in time order.
/// Normal (germline) and unknown-role specimens never enter the default pair; an explicit pair may name
/// any two of the patient's reports.
/// </summary>
public static class PairSelector
{
    public static PairSelectionOutcome Select(
        IReadOnlyList<ReportSnapshot> reports,
        string? fromReportId = null,
        string? toReportId = null)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var hasFrom = !string.IsNullOrWhiteSpace(fromReportId);
        var hasTo = !string.IsNullOrWhiteSpace(toReportId);
        if (hasFrom || hasTo)
        {
            return hasFrom && hasTo
                ? SelectExplicit(reports, fromReportId!, toReportId!)
                : new InvalidPairRequest("Give both 'from' and 'to', or neither for the default pair.");
        }

        return SelectDefault(reports);
    }

    private static PairSelectionOutcome SelectExplicit(IReadOnlyList<ReportSnapshot> reports, string fromId, string toId)
    {
        if (string.Equals(fromId, toId, StringComparison.Ordinal))
        {
            return new InvalidPairRequest("'from' and 'to' name the same report; a comparison needs two reports.");
        }

        if (reports.Count < 2)
        {
            return new NotEnoughReports(reports.Count);
        }

        var from = reports.FirstOrDefault(r => string.Equals(r.ReportId, fromId, StringComparison.Ordinal));
        if (from is null)
        {
            return new UnknownReport(fromId);
        }

        var to = reports.FirstOrDefault(r => string.Equals(r.ReportId, toId, StringComparison.Ordinal));
        return to is null ? new UnknownReport(toId) : new SelectedPair(from, to, PairBasis.Explicit);
    }

    private static PairSelectionOutcome SelectDefault(IReadOnlyList<ReportSnapshot> reports)
    {
        var tumour = ReportChronology.Order(reports.Where(r => r.IsTumourSample));
        if (tumour.Count < 2)
        {
            return new NotEnoughReports(tumour.Count);
        }

        var primary = ReportChronology.Latest(tumour, r => r.Role == SpecimenRole.Primary);
        if (primary is not null)
        {
            var metastasis = ReportChronology.Latest(tumour, r => r.Role == SpecimenRole.Metastasis);
            if (metastasis is not null)
            {
                return new SelectedPair(primary, metastasis, PairBasis.PrimaryVsMetastasis);
            }

            var ctdna = ReportChronology.Latest(tumour, r => r.Role == SpecimenRole.Ctdna);
            if (ctdna is not null)
            {
                return new SelectedPair(primary, ctdna, PairBasis.PrimaryVsCtdna);
            }
        }

        return new SelectedPair(tumour[^2], tumour[^1], PairBasis.LatestTwoTumourSamples);
    }
}
