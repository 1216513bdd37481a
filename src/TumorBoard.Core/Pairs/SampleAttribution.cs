namespace TumorBoard.Core.Pairs;

/// <summary>Which sample(s) a recommendation rests on; serialised camelCase as the contract's <c>sample</c>.</summary>
public enum RecommendationSample
{
    /// <summary>Seen in the primary but not in the governing (most recent) tumour sample.</summary>
    Primary,

    /// <summary>Seen in the governing metastasis but not in the primary.</summary>
    Metastasis,

    /// <summary>Seen in the primary and in the governing sample.</summary>
    Both,

    /// <summary>Seen in the governing ctDNA sample but not in the primary.</summary>
    Ctdna,
}

/// <summary>
/// Where an alteration key was seen among the patient's tumour samples.
/// </summary>
/// <param name="AlterationKey">The key asked about.</param>
/// <param name="Sample">The contract's <c>sample</c>.</param>
/// <param name="Emergent">
/// The contract's <c>emergent</c>: seen in the governing metastasis/ctDNA, not in the latest primary, and the
/// primary tested for it. False when there is no primary to compare with.
/// </param>
/// <param name="GoverningReportId">The most recent metastasis or ctDNA report, else the latest primary.</param>
/// <param name="PrimaryReportId">The latest primary report, if any.</param>
/// <param name="ReportIds">Every tumour report that carries the key, oldest first.</param>
/// <param name="NotTestedInGoverning">Absent from the governing sample because it did not test the gene, not because it was not found.</param>
public sealed record SampleAttribution(
    string AlterationKey,
    RecommendationSample Sample,
    bool Emergent,
    string GoverningReportId,
    string? PrimaryReportId,
    IReadOnlyList<string> ReportIds,
    bool NotTestedInGoverning);
