using System.Globalization;
using TumorBoard.Core.Evolution;
using TumorBoard.Core.Patients;

namespace TumorBoard.Api.ReadModels;

/// <summary>A therapy with its period, as the record gives it (an open end is ongoing or unknown).</summary>
public sealed record TherapyPeriodDto(IReadOnlyList<string> Drugs, DateTimeOffset? Start, DateTimeOffset? End, string? Source)
{
    public static TherapyPeriodDto From(PriorTherapy therapy)
    {
        ArgumentNullException.ThrowIfNull(therapy);
        return new(therapy.Drugs, therapy.Start, therapy.End, therapy.Source);
    }

    /// <summary>The distinct lower-case drugs of <paramref name="therapies"/>, in order: the contract's plain drug lists.</summary>
    public static IReadOnlyList<string> DrugsOf(IEnumerable<TherapyPeriodDto> therapies) =>
        therapies.SelectMany(t => t.Drugs).Select(d => d.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
}

/// <summary>
/// Molecular progression flagged on an evaluation: what rose, from what to what, between which draws, under which
/// therapy, by which rule. <see cref="EventType"/> is the subscription event it becomes once subscriptions exist.
/// </summary>
public sealed record MolecularProgressionDto
{
    /// <summary>The subscription event type this flag is emitted as.</summary>
    public const string EventType = "molecular.progression";

    public required string AlterationKey { get; init; }

    public required string Gene { get; init; }

    /// <summary>appearance (newly detected, or a below-limit call confirmed) or increase (higher VAF than the previous draw).</summary>
    public required string Kind { get; init; }

    /// <summary>VAF in the earlier sample; null when it was not detected there.</summary>
    public decimal? FromVaf { get; init; }

    public decimal? ToVaf { get; init; }

    public required Guid FromReportId { get; init; }

    public DateTimeOffset? FromDate { get; init; }

    public required Guid ToReportId { get; init; }

    public DateTimeOffset? ToDate { get; init; }

    /// <summary>The therapies the patient was receiving at the later draw that the alteration resists.</summary>
    public required IReadOnlyList<TherapyPeriodDto> UnderTherapies { get; init; }

    public required IReadOnlyList<string> ResistedDrugs { get; init; }

    /// <summary>The knowledge base's molecular-progression rule (PADA-1, anti-EGFR-RAS-ctDNA, resistance-appearance).</summary>
    public required string ProgressionRuleId { get; init; }

    /// <summary>The knowledge-base rule(s) that make the alteration a resistance alteration (or the watched list).</summary>
    public required string ResistanceRuleId { get; init; }

    public required IReadOnlyList<CitationDto> Citations { get; init; }

    public IReadOnlyList<string> Caveats { get; init; } = [];

    /// <summary>One line for a board: "ESR1 Y537S rose: 0.02 (2024-03-01) → 0.05 (2024-05-01) under letrozole".</summary>
    public required string Summary { get; init; }

    public static MolecularProgressionDto From(ProgressionEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var kind = e.Kind == ProgressionKind.Appearance ? "appearance" : "increase";
        var under = string.Join("; ", e.UnderTherapies.Select(t => string.Join(" + ", t.Drugs)));
        var verb = e.Kind == ProgressionKind.Appearance ? "newly detected" : "rose";
        return new MolecularProgressionDto
        {
            AlterationKey = e.AlterationKey,
            Gene = e.Gene,
            Kind = kind,
            FromVaf = e.FromVaf,
            ToVaf = e.ToVaf,
            FromReportId = Guid.Parse(e.FromReportId),
            FromDate = e.FromAt,
            ToReportId = Guid.Parse(e.ToReportId),
            ToDate = e.ToAt,
            UnderTherapies = e.UnderTherapies.Select(TherapyPeriodDto.From).ToList(),
            ResistedDrugs = e.ResistedDrugs,
            ProgressionRuleId = e.ProgressionRuleId,
            ResistanceRuleId = e.ResistanceRuleId,
            Citations = e.Citations.Select(c => new CitationDto(c.Type.ToString().ToLowerInvariant(), c.Id, c.Note)).ToList(),
            Caveats = e.Caveats,
            Summary = $"{e.AlterationKey} {verb}: {Vaf(e.FromVaf)} ({Date(e.FromAt)}) → {Vaf(e.ToVaf)} ({Date(e.ToAt)}) under {under}",
        };
    }

    private static string Vaf(decimal? vaf) => vaf is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "not detected";

    private static string Date(DateTimeOffset? at) => at is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "date unknown";
}
