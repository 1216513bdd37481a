using System.Runtime.CompilerServices;

namespace TumorBoard.Core.Trials.Criteria;

/// <summary>
/// The closed vocabulary of trial eligibility criteria: and/or/not nodes over leaves (genomic, tumour type,
/// prior therapy, age, sex, IHC marker, specimen recency, acquisition, clinical fact, non-match, manual check).
/// Every criterion can carry a curated <see cref="Label"/> that the trace shows instead of the generated text.
/// </summary>
public abstract record TrialCriterion
{
    private protected TrialCriterion()
    {
    }

    /// <summary>Curated human-readable wording (<c>No prior BRAF or MEK inhibitor</c>); null to use <see cref="Describe"/>.</summary>
    public string? Label { get; init; }

    /// <summary>Generated human-readable statement of the criterion.</summary>
    public abstract string Describe();

    /// <summary>
    /// Where the criterion comes from when that is weaker than the trial's own documents: set for facts read only
    /// in MATCHbox software artefacts (tag V* of the research notes), so the trace shows them as such.
    /// </summary>
    public CriterionSource Source { get; init; }

    /// <summary>The label when curated, else the generated statement, with the source when it must be confirmed.</summary>
    /// <remarks>
    /// Every arm considered for a patient writes it into its trace (an and/or node's once per part, re-describing its
    /// subtree), so it is made once per criterion object and kept. Kept beside the object, not in a field: a
    /// <c>with</c> copy (another label or source) would copy a field and show the original's text.
    /// </remarks>
    public string Text => Texts.GetValue(this, static criterion => criterion.MakeText());

    private static readonly ConditionalWeakTable<TrialCriterion, string> Texts = [];

    private string MakeText() => Source == CriterionSource.MatchboxData
        ? $"{Label ?? Describe()} (per MATCHbox arm data; confirm against the protocol)"
        : Label ?? Describe();
}

/// <summary>How firmly a criterion is sourced; serialised in trial files as <c>"source": "matchbox"</c>.</summary>
public enum CriterionSource
{
    /// <summary>Read in a source about the trial itself (registry record, protocol summary, publication).</summary>
    Trial,

    /// <summary>Read only in MATCHbox software artefacts (development seed, tests): encoded, shown as to be confirmed.</summary>
    MatchboxData,
}

/// <summary>Every criterion holds (three-valued: unmet if any is unmet, met if all are met, else unknown).</summary>
public sealed record AllCriteria(IReadOnlyList<TrialCriterion> Criteria) : TrialCriterion
{
    public override string Describe() => string.Join(" AND ", Criteria.Select(c => c is AllCriteria or AnyCriteria ? $"({c.Text})" : c.Text));
}

/// <summary>At least one criterion holds (three-valued: met if any is met, unmet if all are unmet, else unknown).</summary>
public sealed record AnyCriteria(IReadOnlyList<TrialCriterion> Criteria) : TrialCriterion
{
    public override string Describe() => string.Join(" OR ", Criteria.Select(c => c is AllCriteria or AnyCriteria ? $"({c.Text})" : c.Text));
}

/// <summary>The criterion does not hold (an exclusion); unknown stays unknown.</summary>
public sealed record NotCriterion(TrialCriterion Criterion) : TrialCriterion
{
    public override string Describe() => $"not: {Criterion.Text}";
}
