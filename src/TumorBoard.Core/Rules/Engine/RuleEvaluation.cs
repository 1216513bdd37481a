namespace TumorBoard.Core.Rules.Engine;

/// <summary>The same therapy (drug set) predicted both sensitive and resistant by different fired rules.</summary>
public sealed record TherapyConflict(IReadOnlyList<string> Drugs, IReadOnlyList<string> SensitiveRuleIds, IReadOnlyList<string> ResistantRuleIds);

/// <summary>A tumour-only finding whose gene, kind and VAF suggest a germline variant: consider germline testing.</summary>
public sealed record GermlineReferral(string AlterationKey, string Gene, decimal? Vaf, string Reason);

/// <summary>A rule whose biomarker and tumour matched but whose context (origin, receptor status) did not.</summary>
public sealed record DeclinedRule(string RuleId, string Reason);

/// <summary>
/// The engine's answer for one patient against one knowledge base: fired rules ordered by level, the
/// conflicts between them, rules declined on context, and warnings (e.g. unknown tumour type).
/// </summary>
public sealed record RuleEvaluation
{
    public required string KnowledgeBaseVersion { get; init; }

    public required string KnowledgeBaseHash { get; init; }

    /// <summary>The OncoTree code the rules were evaluated for, canonicalised; null when unknown.</summary>
    public string? OncotreeCode { get; init; }

    public required IReadOnlyList<TherapyMatch> Therapies { get; init; }

    public required IReadOnlyList<TherapyConflict> Conflicts { get; init; }

    public required IReadOnlyList<DeclinedRule> Declined { get; init; }

    /// <summary>Rules whose biomarker matched but whose tumour scope could not be decided because the tumour type is unknown.</summary>
    public required IReadOnlyList<string> UnscopedRuleIds { get; init; }

    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Tumour-only findings that suggest a germline variant: consider germline testing (additive).</summary>
    public IReadOnlyList<GermlineReferral> GermlineReferrals { get; init; } = [];

    /// <summary>The site-only code the patient was recorded with when rules ran on an assumed histology; else null.</summary>
    public string? AssumedHistologyFromSite { get; init; }
}
