namespace TumorBoard.Core.Ingestion;

/// <summary>An implication the lab sent (therapeutic or diagnostic); kept as the lab's words, never as a recommendation of ours.</summary>
public sealed record LabAnnotation(string Kind, string? Medication, string? Effect, string? EvidenceLevel, string? Text);
