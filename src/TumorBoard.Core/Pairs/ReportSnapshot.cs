using TumorBoard.Core.Alterations;
using TumorBoard.Core.Patients;

namespace TumorBoard.Core.Pairs;

/// <summary>
/// What the pair comparison needs to know about one stored report: its id, what its specimen
/// represents, when it was taken, its normalised alterations and the panel it declares.
/// </summary>
/// <param name="ReportId">The service's opaque report id.</param>
/// <param name="Role">The specimen's role (primary, metastasis, ctDNA, normal, unknown).</param>
/// <param name="CollectedAt">When the specimen was collected, if known.</param>
/// <param name="IssuedAt">When the lab issued the report, if known.</param>
/// <param name="Alterations">Normalised alterations; equal notations already share a <see cref="Alteration.Key"/>.</param>
/// <param name="PanelGenes">
/// Genes the report declares it studied (region studied / GenomicStudy / gene list), or null when it declares
/// none. A gene outside a declared panel was not tested, which is not the same as absent.
/// </param>
public sealed record ReportSnapshot(
    string ReportId,
    SpecimenRole Role,
    DateTimeOffset? CollectedAt,
    DateTimeOffset? IssuedAt,
    IReadOnlyList<Alteration> Alterations,
    IReadOnlyCollection<string>? PanelGenes)
{
    /// <summary>The time that orders reports: collection (biology happened then), else issue time.</summary>
    public DateTimeOffset? SampleTime => CollectedAt ?? IssuedAt;

    /// <summary>True for the specimen roles that sample the tumour: primary, metastasis, ctDNA.</summary>
    public bool IsTumourSample => Role is SpecimenRole.Primary or SpecimenRole.Metastasis or SpecimenRole.Ctdna;
}
