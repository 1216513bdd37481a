using TumorBoard.Core.Alterations;
using TumorBoard.Core.Patients;
using TumorBoard.Core.Rules;
using TumorBoard.Core.Rules.Engine;

namespace TumorBoard.Core.Trials;

/// <summary>Clinical facts the record may carry that trial criteria read; an absent fact is unknown.</summary>
public enum ClinicalFact
{
    /// <summary>Radiological or clinical disease progression on the current therapy.</summary>
    Progression,
}

/// <summary>
/// One genomic report as the trial engine needs it: the specimen's role, when it was collected, its normalised
/// alterations and, when the caller compared it with the patient's earlier samples (pair comparison), the keys
/// of alterations newly detected in it (null = not compared, so "newly detected" is unknown).
/// </summary>
public sealed record TrialSample(
    string ReportId,
    SpecimenRole Role,
    DateTimeOffset? CollectedAt,
    IReadOnlyList<Alteration> Alterations,
    IReadOnlySet<string>? AcquiredKeys = null)
{
    /// <summary>For a plasma sample: keys of alterations flagged as molecular progression at this draw (null = not assessed).</summary>
    public IReadOnlySet<string>? RisingKeys { get; init; }
}

/// <summary>
/// What the trial engine needs to know about a patient. <see cref="PriorTherapiesComplete"/> says the therapy
/// history is known to be complete; without it, a drug absent from the record is "not reported", not "never given".
/// </summary>
public sealed record TrialPatient
{
    public string? OncotreeCode { get; init; }

    public IReadOnlyList<TrialSample> Samples { get; init; } = [];

    public IReadOnlyList<PriorTherapy> PriorTherapies { get; init; } = [];

    public bool PriorTherapiesComplete { get; init; }

    public IReadOnlyDictionary<ClinicalMarker, MarkerStatus> Markers { get; init; } = new Dictionary<ClinicalMarker, MarkerStatus>();

    public DateOnly? BirthDate { get; init; }

    /// <summary>Administrative sex as recorded (<c>female</c>, <c>male</c>, ...), or null when unknown.</summary>
    public string? Sex { get; init; }

    public IReadOnlyDictionary<ClinicalFact, bool> Facts { get; init; } = new Dictionary<ClinicalFact, bool>();

    /// <summary>Where each recorded fact came from (<c>Observation/123 cancer disease status 2026-05-02: worsened</c>), shown in the trace.</summary>
    public IReadOnlyDictionary<ClinicalFact, string> FactSources { get; init; } = new Dictionary<ClinicalFact, string>();

    /// <summary>Where the birth date came from (<c>Patient.birthDate</c>), shown in the trace of age criteria.</summary>
    public string? BirthDateSource { get; init; }

    /// <summary>
    /// The knowledge base's sensitivity findings for this patient (rules engine output), for "no targetable
    /// alteration" criteria and each arm's biomarker level; null when the rules were not evaluated (then unknown).
    /// </summary>
    public IReadOnlyList<KnowledgeBaseMatch>? KnowledgeBaseMatches { get; init; }
}

/// <summary>One fired sensitivity rule: its gene, which alterations it matched, its drugs, level and id.</summary>
public sealed record KnowledgeBaseMatch(string RuleId, string Gene, IReadOnlyList<string> AlterationKeys, IReadOnlyList<string> Drugs, EvidenceLevel Level)
{
    /// <summary>The sensitivity findings of a rules-engine evaluation, as trial criteria read them.</summary>
    public static IReadOnlyList<KnowledgeBaseMatch> From(RuleEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return evaluation.Therapies
        .Where(t => t.Effect == TherapyEffect.Sensitive)
        .Select(t => new KnowledgeBaseMatch(t.RuleId, t.Gene, t.MatchedAlterations.Select(a => a.Key).Distinct(StringComparer.OrdinalIgnoreCase).ToList(), t.Drugs, t.Level))
        .ToList();
    }
}
