namespace TumorBoard.Core.Vocabularies;

/// <summary>
/// One OncoTree tumour type. <paramref name="Tissue"/> is the code of its level-1 tissue (e.g. <c>LUNG</c>,
/// <c>MYELOID</c>; a tissue node's own code), not the tissue's display name, because codes stayed stable
/// across releases while names changed. <paramref name="Parent"/> is null for tissues directly under the root.
/// </summary>
public sealed record OncoTreeNode(string Code, string Name, string MainType, string Tissue, string? Parent);
