using TumorBoard.Core.Alterations;
using TumorBoard.Core.Patients;

namespace TumorBoard.Core.Evolution;

/// <summary>What one sample says about one alteration; serialised camelCase.</summary>
public enum CallState
{
    /// <summary>Reported in the sample.</summary>
    Detected,

    /// <summary>Not reported, and the sample's panel covers it: absent as far as the assay can tell.</summary>
    NotDetected,

    /// <summary>Outside the sample's declared panel (or no TMB/MSI measurement): absence says nothing.</summary>
    NotTested,
}

/// <summary>An alteration's place in the patient's history; docs/evolution.md gives each rule. Serialised camelCase.</summary>
public enum AlterationClass
{
    /// <summary>Detected in every tumour sample that tested for it (at least two, the primary among them when there is one).</summary>
    Truncal,

    /// <summary>Detected in two or more later samples (metastases, ctDNA) and not in the primary, which tested for it.</summary>
    Branch,

    /// <summary>Detected in one sample only.</summary>
    Private,

    /// <summary>First detected after a sample that tested negative, with a therapy given in between (named).</summary>
    Emergent,

    /// <summary>Detected earlier, not detected in the latest sample that tested for it.</summary>
    Lost,

    /// <summary>Labelled germline, or VAF in the heterozygous band in every sample that detected it (two or more).</summary>
    GermlineSuspect,

    /// <summary>Detected in several samples but not in all that tested for it, and none of the above.</summary>
    Shared,
}

/// <summary>A sample of the history, oldest first, named as the board names it.</summary>
/// <remarks>Purity: Tumour purity (0..1) when the caller knows it; the cancer-cell fraction needs it.</remarks>
public sealed record EvolutionSample(string ReportId, SpecimenRole Role, DateTimeOffset? At, IReadOnlyCollection<string>? PanelGenes, decimal? Purity);

/// <summary>One cell of the matrix.</summary>
/// <remarks>BelowLimitOfDetection: A plasma VAF under the knowledge base's limit of detection: one such draw alone alerts nobody.</remarks>
/// <remarks>CancerCellFraction: min(1, 2 x VAF / purity) for an SNV/indel where purity is known; see docs/evolution.md for the caveat.</remarks>
public sealed record SampleCall(CallState State, decimal? Vaf, decimal? CopyNumber, decimal? Value, bool BelowLimitOfDetection, decimal? CancerCellFraction)
{
    public static readonly SampleCall NotDetected = new(CallState.NotDetected, null, null, null, false, null);
    public static readonly SampleCall NotTested = new(CallState.NotTested, null, null, null, false, null);
}

/// <summary>One alteration across every sample: its class, why, and its value in each sample (same order as the samples).</summary>
/// <remarks>EmergentUnder: For <see cref="AlterationClass.Emergent"/>: the therapies given between the negative sample and the first detection.</remarks>
/// <remarks>PossibleClonalHaematopoiesis: Seen only in plasma, in a gene of the knowledge base's clonal-haematopoiesis list.</remarks>
public sealed record EvolvingAlteration(
    string Key,
    string Gene,
    AlterationKind Kind,
    AlterationClass Class,
    string Reason,
    IReadOnlyList<PriorTherapy> EmergentUnder,
    bool PossibleClonalHaematopoiesis,
    IReadOnlyList<SampleCall> Calls);

/// <summary>A point of a ctDNA trajectory: one plasma draw (not-tested draws are left out of the line).</summary>
public sealed record TrajectoryPoint(string ReportId, DateTimeOffset? At, CallState State, decimal? Vaf, bool BelowLimitOfDetection);

/// <summary>VAF over time across the plasma draws for one alteration seen in plasma.</summary>
public sealed record Trajectory(string Key, string Gene, bool Resistance, IReadOnlyList<TrajectoryPoint> Points);

/// <summary>Two consecutive tumour samples compared with the pair comparison (the same code as /comparison).</summary>
public sealed record EvolutionStep(string FromReportId, string ToReportId, decimal? Concordance, IReadOnlyList<string> Acquired, IReadOnlyList<string> Lost);

/// <summary>The whole history of a patient's tumour samples.</summary>
public sealed record PatientEvolution(
    IReadOnlyList<EvolutionSample> Samples,
    IReadOnlyList<PriorTherapy> Therapies,
    IReadOnlyList<EvolvingAlteration> Alterations,
    IReadOnlyList<Trajectory> Trajectories,
    IReadOnlyList<EvolutionStep> Steps,
    MolecularProgression Progression);
