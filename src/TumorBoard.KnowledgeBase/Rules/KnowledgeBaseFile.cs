namespace TumorBoard.KnowledgeBase.Rules;

/// <summary>One knowledge-base data file: its path relative to the data root (<c>rules/lung.json</c>) and bytes.</summary>
public sealed record KnowledgeBaseFile(string Path, byte[] Content);
