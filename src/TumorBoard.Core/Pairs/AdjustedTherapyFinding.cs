using TumorBoard.Core.Patients;

namespace TumorBoard.Core.Pairs;

/// <summary>What the discordance adjustment concluded about a finding; serialised camelCase.</summary>
public enum DiscordanceVerdict
{
    /// <summary>Nothing in the governing sample speaks against the finding.</summary>
    None,

    /// <summary>
    /// A sensitive finding that rests only on the primary, while the governing sample acquired an alteration
    /// with a resistance finding to at least one of the same drugs.
    /// </summary>
    Contraindicated,

    /// <summary>
    /// A sensitive finding whose alteration is still present in the governing sample, which also acquired an
    /// alteration with a resistance finding to at least one of the same drugs (T790M next to L858R): the board
    /// weighs both; the finding is not marked contraindicated because its own support persists.
    /// </summary>
    ResistanceAcquired,
}

/// <summary>One acquired resistance finding that speaks against a sensitive finding, with the facts to cite.</summary>
/// <param name="ResistanceFinding">The resistant finding on the acquired alteration.</param>
/// <param name="ResistanceAttribution">Where that alteration was seen (emergent in the governing sample).</param>
/// <param name="Drugs">The drugs both findings name.</param>
/// <param name="PriorExposures">Prior therapies with any of <paramref name="Drugs"/> started before the governing sample (or undated).</param>
/// <param name="Rationale">The two facts in words, with report ids and dates.</param>
public sealed record DiscordanceNote(
    TherapyFinding ResistanceFinding,
    SampleAttribution ResistanceAttribution,
    IReadOnlyList<string> Drugs,
    IReadOnlyList<PriorTherapy> PriorExposures,
    string Rationale);

/// <summary>A finding with its sample attribution and the discordance adjustment.</summary>
/// <param name="Finding">The finding as given.</param>
/// <param name="Attribution">Sample(s) it rests on; null when no tumour report carries its alteration key.</param>
/// <param name="Verdict">The adjustment.</param>
/// <param name="Notes">One note per acquired resistance finding that speaks against it; empty for <see cref="DiscordanceVerdict.None"/>.</param>
/// <param name="Citations">The finding's citations followed by those of every note's resistance finding, without duplicates.</param>
/// <param name="TherapiesBetweenSamples">
/// For a finding on an emergent alteration: the prior therapies given between the primary and the governing
/// sample (started before the governing sample, not ended before the primary; undated ones included), i.e.
/// what the alteration was acquired under, such as T790M after erlotinib. Empty otherwise.
/// </param>
public sealed record AdjustedTherapyFinding(
    TherapyFinding Finding,
    SampleAttribution? Attribution,
    DiscordanceVerdict Verdict,
    IReadOnlyList<DiscordanceNote> Notes,
    IReadOnlyList<FindingCitation> Citations,
    IReadOnlyList<PriorTherapy> TherapiesBetweenSamples);
