namespace TumorBoard.Core.Vocabularies;

/// <summary>One OncoTree tumour type; <paramref name="Parent"/> is null for tissues directly under the root.</summary>
public sealed record OncoTreeNode(string Code, string Name, string MainType, string Tissue, string? Parent);
