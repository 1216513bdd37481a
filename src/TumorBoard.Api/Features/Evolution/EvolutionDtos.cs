using TumorBoard.Api.ReadModels;

namespace TumorBoard.Api.Features.Evolution;

/// <summary>A sample in collection order, named as a board names it; panel null when the report declares none (everything tested).</summary>
/// <remarks>Purity: tumour purity (0..1) as the report gave it, null when it gave none. CancerCellFraction: whether this
/// sample's values carry a cancer-cell fraction: the purity it rests on and where it was read, or why not.</remarks>
/// <remarks>Role is the contract's code (primary, metastasis, ctdna); the pictures and <c>name</c> say "ctDNA".
/// CollectedAt and PanelGenes are the contract's names of Date and Panel (both kept for existing clients).</remarks>
public sealed record EvolutionSampleDto(
    Guid ReportId, string Role, string? Site, string? SpecimenType, DateTimeOffset? Date, string Name, IReadOnlyCollection<string>? Panel, decimal? Purity,
    string CancerCellFraction)
{
    public DateTimeOffset? CollectedAt => Date;

    public IReadOnlyCollection<string>? PanelGenes => Panel;
}

/// <summary>How the cancer-cell fractions are computed and why they are estimates (docs/evolution.md).</summary>
public sealed record CancerCellFractionMethodDto(string Formula, string Caveat);

/// <summary>An alteration's value in one sample: detected (with VAF, copy number or value), notDetected, or notTested (outside the panel).</summary>
public sealed record SampleValueDto(Guid ReportId, string State, decimal? Vaf, decimal? CopyNumber, decimal? Value, bool BelowLimitOfDetection, decimal? CancerCellFraction);

/// <summary>One alteration across the history, with its class and the reason for it.</summary>
public sealed record EvolvingAlterationDto(
    string Key,
    string Gene,
    string Kind,
    string Class,
    string Reason,
    IReadOnlyList<TherapyPeriodDto> EmergentUnder,
    bool PossibleClonalHaematopoiesis,
    IReadOnlyList<SampleValueDto> Values)
{
    /// <summary>The contract's name for what <see cref="EmergentUnder"/> details: the distinct lower-case drugs it emerged under.</summary>
    public IReadOnlyList<string> EmergentAfter => TherapyPeriodDto.DrugsOf(EmergentUnder);

    /// <summary>The finer class: <c>shared</c> (several samples, not all that tested) where <see cref="Class"/> says <c>branch</c>; otherwise the same.</summary>
    public string? ClassDetail { get; init; }
}

public sealed record TrajectoryPointDto(Guid ReportId, DateTimeOffset? Date, string State, decimal? Vaf, bool BelowLimitOfDetection);

public sealed record TrajectoryDto(string Key, string Gene, bool Resistance, IReadOnlyList<TrajectoryPointDto> Points);

/// <summary>Two consecutive samples compared with the pair comparison.</summary>
public sealed record EvolutionStepDto(Guid FromReportId, Guid ToReportId, decimal? Concordance, IReadOnlyList<string> Acquired, IReadOnlyList<string> Lost);

public sealed record SuppressedSignalDto(string AlterationKey, Guid ReportId, string ProgressionRuleId, string Reason);

/// <summary>GET /api/patients/{id}/evolution: the whole history at a glance.</summary>
public sealed record EvolutionDto(
    Guid PatientId,
    string? TumorType,
    IReadOnlyList<EvolutionSampleDto> Samples,
    IReadOnlyList<TherapyPeriodDto> Therapies,
    IReadOnlyList<EvolvingAlterationDto> Alterations,
    IReadOnlyList<TrajectoryDto> Trajectories,
    IReadOnlyList<EvolutionStepDto> Steps,
    IReadOnlyList<MolecularProgressionDto> MolecularProgression,
    IReadOnlyList<SuppressedSignalDto> NotProgression,
    decimal LimitOfDetectionVaf,
    string KnowledgeBaseVersion,
    CancerCellFractionMethodDto CancerCellFraction)
{
    /// <summary>The contract's shape of <see cref="MolecularProgression"/> (which stays as the detailed form).</summary>
    public IReadOnlyList<ProgressionDto> Progression => MolecularProgression.Select(ProgressionDto.Of).ToList();
}
