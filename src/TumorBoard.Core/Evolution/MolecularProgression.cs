using TumorBoard.Core.Patients;
using TumorBoard.Core.Rules;

namespace TumorBoard.Core.Evolution;

/// <summary>How the resistance alteration rose; serialised camelCase.</summary>
public enum ProgressionKind
{
    /// <summary>Newly detected (or a below-limit call confirmed by the next draw).</summary>
    Appearance,

    /// <summary>Higher VAF than in the previous draw, under a rule that counts increases (PADA-1).</summary>
    Increase,
}

/// <summary>
/// A resistance alteration of the knowledge base rising in blood while the patient receives a therapy it
/// resists: what rose, from what to what, between which draws, under which therapy, and by which rule.
/// </summary>
public sealed record ProgressionEvent(
    string AlterationKey,
    string Gene,
    ProgressionKind Kind,
    decimal? FromVaf,
    decimal? ToVaf,
    string FromReportId,
    DateTimeOffset? FromAt,
    string ToReportId,
    DateTimeOffset? ToAt,
    IReadOnlyList<PriorTherapy> UnderTherapies,
    IReadOnlyList<string> ResistedDrugs,
    string ProgressionRuleId,
    string ResistanceRuleId,
    IReadOnlyList<Citation> Citations,
    IReadOnlyList<string> Caveats);

/// <summary>A signal that looked like progression and was not, with the reason (shown, so the board sees why).</summary>
public sealed record SuppressedSignal(string AlterationKey, string ReportId, string ProgressionRuleId, string Reason);

/// <summary>The molecular-progression outcome: events (empty: none) and the signals set aside as noise.</summary>
public sealed record MolecularProgression(IReadOnlyList<ProgressionEvent> Events, IReadOnlyList<SuppressedSignal> Suppressed, decimal LimitOfDetectionVaf)
{
    public static readonly MolecularProgression None = new([], [], 0m);

    public bool Flagged => Events.Count > 0;
}
