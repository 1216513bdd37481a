using System.Globalization;
using System.Text.Json;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.Features.Recommendations;
using TumorBoard.Api.Presentation.Svg;
using TumorBoard.Api.ReadModels;
using TumorBoard.Core.Evolution;
using TumorBoard.Persistence;

namespace TumorBoard.Api.Features.Evolution;

/// <summary>A patient's evolution with the names the board reads (sample role, site, type, date; tumour type), for the JSON and both pictures.</summary>
public sealed record EvolutionView(Guid PatientId, string? TumorType, PatientEvolution Evolution, IReadOnlyList<EvolutionSampleDto> Samples, string KnowledgeBaseVersion)
{
    /// <summary>Loads and computes; null when the patient does not exist.</summary>
    public static async Task<EvolutionView?> LoadAsync(TumorBoardDbContext db, Knowledge knowledge, Guid patientId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        // The stored FHIR of the reports is not read here: the compute-only load leaves it out.
        var snapshot = await PatientComputeLoader.LoadAsync(db, patientId, ct);
        return snapshot is null ? null : From(snapshot, knowledge);
    }

    public static EvolutionView From(PatientSnapshot snapshot, Knowledge knowledge)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(knowledge);
        var evolution = PatientEvolutions.Build(knowledge, snapshot);
        var patient = snapshot.Patient;
        var specimens = patient.Reports.ToDictionary(r => r.Id.ToString(), r => r.Specimen, StringComparer.Ordinal);
        var samples = evolution.Samples.Select(s =>
        {
            var specimen = specimens.GetValueOrDefault(s.ReportId);
            var role = RoleLabel(Camel(s.Role));
            var ccf = s.Purity is { } purity
                ? $"estimated from purity {purity.ToString("0.###", CultureInfo.InvariantCulture)} ({specimen?.PuritySource ?? "source not recorded"})"
                : CancerCellFraction.NoPurity;
            return new EvolutionSampleDto(Guid.Parse(s.ReportId), Camel(s.Role), specimen?.Site, specimen?.Type, s.At, Name(role, specimen?.Site, specimen?.Type, s.At), s.PanelGenes, s.Purity, ccf);
        }).ToList();
        var tumour = patient.TumorOncotreeCode is null ? null : $"{patient.TumorName ?? patient.TumorOncotreeCode} ({patient.TumorOncotreeCode})";
        return new EvolutionView(patient.Id, tumour, evolution, samples, knowledge.Rules.Version);
    }

    public EvolutionDto ToDto() => new(
        PatientId,
        TumorType,
        Samples,
        Evolution.Therapies.Select(TherapyPeriodDto.From).ToList(),
        Evolution.Alterations.Select(a => new EvolvingAlterationDto(
            a.Key, a.Gene, Camel(a.Kind), ContractClass(a.Class), a.Reason,
            a.EmergentUnder.Select(TherapyPeriodDto.From).ToList(),
            a.PossibleClonalHaematopoiesis,
            a.Calls.Select((c, i) => new SampleValueDto(Samples[i].ReportId, Camel(c.State), c.Vaf, c.CopyNumber, c.Value, c.BelowLimitOfDetection, c.CancerCellFraction)).ToList())
        { ClassDetail = Camel(a.Class) }).ToList(),
        Evolution.Trajectories.Select(t => new TrajectoryDto(t.Key, t.Gene, t.Resistance,
            t.Points.Select(p => new TrajectoryPointDto(Guid.Parse(p.ReportId), p.At, Camel(p.State), p.Vaf, p.BelowLimitOfDetection)).ToList())).ToList(),
        Evolution.Steps.Select(s => new EvolutionStepDto(Guid.Parse(s.FromReportId), Guid.Parse(s.ToReportId), s.Concordance, s.Acquired, s.Lost)).ToList(),
        Evolution.Progression.Events.Select(MolecularProgressionDto.From).ToList(),
        Evolution.Progression.Suppressed.Select(s => new SuppressedSignalDto(s.AlterationKey, Guid.Parse(s.ReportId), s.ProgressionRuleId, s.Reason)).ToList(),
        Evolution.Progression.LimitOfDetectionVaf,
        KnowledgeBaseVersion,
        new CancerCellFractionMethodDto(CancerCellFraction.Formula, CancerCellFraction.Caveat));

    /// <summary>What the pictures need: title and each sample's label lines (role, site, type, date).</summary>
    public EvolutionPicture Picture() => new(
        TumorType,
        Evolution,
        Samples.Select(s => (IReadOnlyList<string>)new[] { RoleLabel(s.Role), s.Site ?? "site not recorded", s.SpecimenType ?? string.Empty, Date(s.Date) }
            .Where(line => line.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList()).ToList());

    // The contract's role code (primary, metastasis, ctdna) as a board reads it in names and pictures.
    private static string RoleLabel(string role) => role == "ctdna" ? "ctDNA" : role;

    /// <summary>
    /// The contract's six classes: <c>shared</c> (several samples but not all that tested, none of the other rules) is a
    /// branch of the tree in the contract's vocabulary; <c>classDetail</c> keeps the finer name.
    /// </summary>
    private static string ContractClass(AlterationClass value) => value == AlterationClass.Shared ? "branch" : Camel(value);

    private static string Name(string role, string? site, string? type, DateTimeOffset? at) =>
        string.Join(", ", new[] { role, site, string.Equals(type, site, StringComparison.OrdinalIgnoreCase) ? null : type, Date(at) }.Where(p => !string.IsNullOrWhiteSpace(p)));

    private static string Date(DateTimeOffset? at) => at is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "date unknown";

    private static string Camel<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
