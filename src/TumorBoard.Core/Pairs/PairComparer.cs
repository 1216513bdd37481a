using TumorBoard.Core.Alterations;

namespace TumorBoard.Core.Pairs;

/// <summary>
/// Compares two reports alteration by alteration. Matching is on <see cref="AlterationIdentity"/> (the key, fusion partners in either order), which
/// normalisation has already made notation-independent (<c>p.Leu858Arg</c> and <c>L858R</c> share
/// <c>EGFR L858R</c>); CNAs and fusions therefore match on their key too (<c>ERBB2 amplification</c>,
/// <c>EML4::ALK</c>), and MSI on its status key (<c>MSI-H</c>, <c>MSS</c>).
/// </summary>
public static class PairComparer
{
    private static readonly PairStatus[] StatusOrder = [PairStatus.Acquired, PairStatus.Lost, PairStatus.Shared, PairStatus.NotTested];

    public static PairComparison Compare(
        ReportSnapshot from,
        ReportSnapshot to,
        ResistanceEvidence? resistance = null,
        PairComparisonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        resistance ??= ResistanceEvidence.None;
        options ??= PairComparisonOptions.Default;

        var fromIndex = IndexByKey(from);
        var toIndex = IndexByKey(to);
        var keys = fromIndex.Keys.Union(toIndex.Keys, StringComparer.OrdinalIgnoreCase).ToList();
        var fromCoverage = PanelCoverage.For(from);
        var toCoverage = PanelCoverage.For(to);

        var germlineKeys = new HashSet<string>(
            keys.Where(k => FlagRules.IsGermlineSuspect(fromIndex.GetValueOrDefault(k), toIndex.GetValueOrDefault(k), options)),
            StringComparer.OrdinalIgnoreCase);
        var fromReference = FlagRules.ClonalReferenceVaf(fromIndex.Values, germlineKeys);
        var toReference = FlagRules.ClonalReferenceVaf(toIndex.Values, germlineKeys);

        var compared = keys
            .Select(key =>
            {
                var inFrom = fromIndex.GetValueOrDefault(key);
                var inTo = toIndex.GetValueOrDefault(key);
                var status = StatusOf(fromCoverage, toCoverage, inFrom, inTo);
                var context = new FlagContext(from, to, status, germlineKeys.Contains(key), fromReference, toReference);
                return Build(inFrom, inTo, status, FlagRules.FlagsFor(inFrom, inTo, context, resistance, options));
            })
            .OrderBy(c => Array.IndexOf(StatusOrder, c.Status))
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .ToList();

        var comparedCount = compared.Count(c => c.CountsForConcordance);
        var sharedCount = compared.Count(c => c.CountsForConcordance && c.Status == PairStatus.Shared);
        decimal? concordance = comparedCount == 0
            ? null
            : Math.Round((decimal)sharedCount / comparedCount, 2, MidpointRounding.AwayFromZero);

        return new PairComparison(from.ReportId, to.ReportId, from.Role, to.Role, concordance, sharedCount, comparedCount, compared);
    }

    private static PairStatus StatusOf(PanelCoverage fromCoverage, PanelCoverage toCoverage, Alteration? inFrom, Alteration? inTo) =>
        (inFrom, inTo) switch
        {
            ({ }, { }) => PairStatus.Shared,
            ({ } onlyFrom, null) => toCoverage.Tests(onlyFrom) ? PairStatus.Lost : PairStatus.NotTested,
            (null, { } onlyTo) => fromCoverage.Tests(onlyTo) ? PairStatus.Acquired : PairStatus.NotTested,
            _ => throw new InvalidOperationException("A compared key must be present in at least one report."),
        };

    private static ComparedAlteration Build(Alteration? inFrom, Alteration? inTo, PairStatus status, IReadOnlyList<PairFlag> flags)
    {
        var any = inTo ?? inFrom!;
        return new ComparedAlteration(
            any.Key,
            any.Gene,
            any.Kind,
            status,
            inFrom is not null,
            inTo is not null,
            inFrom?.Vaf,
            inTo?.Vaf,
            inFrom?.Value,
            inTo?.Value,
            flags);
    }

    /// <summary>One alteration per key; when a report repeats a key, the call with the highest VAF stands for it.</summary>
    internal static Dictionary<string, Alteration> IndexByKey(ReportSnapshot report)
    {
        var index = new Dictionary<string, Alteration>(StringComparer.OrdinalIgnoreCase);
        foreach (var alteration in report.Alterations)
        {
            var identity = AlterationIdentity.Of(alteration);
            if (!index.TryGetValue(identity, out var kept) || (alteration.Vaf ?? -1m) > (kept.Vaf ?? -1m))
            {
                index[identity] = alteration;
            }
        }

        return index;
    }
}
