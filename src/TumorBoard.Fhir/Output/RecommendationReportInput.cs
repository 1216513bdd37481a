using TumorBoard.Core.Patients;

namespace TumorBoard.Fhir.Output;

/// <summary>
/// One stored evaluation as <see cref="RecommendationBundleFactory"/> needs it for
/// <c>GET /fhir/Patient/{id}/$recommendations</c>. Plain data: the API maps its stored evaluation onto
/// it. Ids become FHIR resource ids, so each must be a FHIR id (letters, digits, '-', '.'; at most 64).
/// </summary>
public sealed record RecommendationReportInput
{
    /// <summary>The service's patient id; the Patient resource's id.</summary>
    public required string PatientId { get; init; }

    /// <summary>The patient's business identifiers (the only patient data the Bundle carries: no names).</summary>
    public required IReadOnlyList<BusinessIdentifier> PatientIdentifiers { get; init; }

    /// <summary>The evaluation id; the genomic-report DiagnosticReport's id.</summary>
    public required string EvaluationId { get; init; }

    public required DateTimeOffset EvaluatedAt { get; init; }

    /// <summary>When the board signed the evaluation off; null while it is open.</summary>
    public DateTimeOffset? SignedOffAt { get; init; }

    /// <summary>A signed-off evaluation is reported <c>final</c>, an open one <c>preliminary</c>.</summary>
    public bool IsSignedOff => SignedOffAt is not null;

    public required string KnowledgeBaseVersion { get; init; }

    /// <summary>The knowledge base's content hash (<c>sha256:…</c>) the evaluation pinned.</summary>
    public required string KnowledgeBaseHash { get; init; }

    /// <summary>The tumour type the rules used; null when unknown (no treatment context is then stated).</summary>
    public TumorType? TumorType { get; init; }

    /// <summary>The alterations the findings rest on (more may be given; each becomes a Variant or biomarker Observation).</summary>
    public required IReadOnlyList<ReportedVariant> Variants { get; init; }

    /// <summary>HGNC ids by approved symbol (<c>EGFR</c> → <c>HGNC:3236</c>) for gene-studied codes; see <see cref="GeneIds"/>.</summary>
    public IReadOnlyDictionary<string, string> HgncIds { get; init; } = new Dictionary<string, string>();

    /// <summary>Therapy findings in the evaluation's order (by level).</summary>
    public IReadOnlyList<TherapyFindingInput> Therapies { get; init; } = [];

    /// <summary>Trial-arm findings; <see cref="TrialEligibility.Ineligible"/> ones are not reported.</summary>
    public IReadOnlyList<TrialFindingInput> Trials { get; init; } = [];
}
