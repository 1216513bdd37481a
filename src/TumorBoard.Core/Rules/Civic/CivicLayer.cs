namespace TumorBoard.Core.Rules.Civic;

/// <summary>
/// The CIViC layer: rules imported from a CIViC evidence snapshot, kept apart from the curated knowledge base.
/// Its rules are evaluated by their own engine and never merged with, or override, curated rules
/// (see <see cref="CivicLayering"/>).
/// </summary>
public sealed record CivicLayer
{
    /// <summary>The snapshot's newest review date (<c>2026-05-26</c>): the layer's version.</summary>
    public required string Version { get; init; }

    /// <summary>Lower-case hex SHA-256 of the imported data file.</summary>
    public required string ContentHash { get; init; }

    /// <summary>The imported rules as a knowledge base the rules engine evaluates (rule ids <c>CIVIC-EID1867/osimertinib</c>).</summary>
    public required KnowledgeBase Rules { get; init; }

    /// <summary>The CIViC evidence behind each rule, by rule id.</summary>
    public required IReadOnlyDictionary<string, CivicEvidence> EvidenceByRuleId { get; init; }

    /// <summary>Each rule's therapy key (sorted drugs joined by '+'), computed once at load for the layering.</summary>
    public required IReadOnlyDictionary<string, string> TherapyKeyByRuleId { get; init; }
}
