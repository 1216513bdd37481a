using TumorBoard.Api.ReadModels;

namespace TumorBoard.Api.Features.Evolution;

/// <summary>One end of a progression step: the sample and the alteration's VAF there (null: not detected).</summary>
public sealed record ProgressionPointDto(Guid ReportId, decimal? Vaf, DateTimeOffset? CollectedAt);

/// <summary>
/// Molecular progression in the contract's shape (<c>GET /api/patients/{id}/evolution</c> → <c>progression</c>):
/// what rose, from which draw to which, under which drugs, by which rule. <c>molecularProgression</c> has the details.
/// </summary>
/// <param name="Key">The alteration key, e.g. <c>EGFR T790M</c>.</param>
/// <param name="Gene">HGNC symbol.</param>
/// <param name="Kind">appearance or increase.</param>
/// <param name="From">The earlier sample.</param>
/// <param name="To">The later (plasma) sample where progression is flagged.</param>
/// <param name="UnderTherapy">Distinct lower-case drugs the patient was receiving at the later draw that the alteration resists.</param>
/// <param name="Rule">The knowledge base's progression rule id (PADA-1, anti-EGFR-RAS-ctDNA, resistance-appearance).</param>
public sealed record ProgressionDto(string Key, string Gene, string Kind, ProgressionPointDto From, ProgressionPointDto To, IReadOnlyList<string> UnderTherapy, string Rule)
{
    public static ProgressionDto Of(MolecularProgressionDto detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        return new(
            detail.AlterationKey,
            detail.Gene,
            detail.Kind,
            new ProgressionPointDto(detail.FromReportId, detail.FromVaf, detail.FromDate),
            new ProgressionPointDto(detail.ToReportId, detail.ToVaf, detail.ToDate),
            TherapyPeriodDto.DrugsOf(detail.UnderTherapies),
            detail.ProgressionRuleId);
    }
}
