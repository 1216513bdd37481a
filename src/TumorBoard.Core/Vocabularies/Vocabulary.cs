namespace TumorBoard.Core.Vocabularies;

/// <summary>Every controlled vocabulary the service normalises against, loaded once from versioned data files.</summary>
public sealed record Vocabulary(GeneSymbols Genes, OncoTree OncoTree, TumorCrosswalk TumorCrosswalk, DrugNames Drugs)
{
    /// <summary>Version of the vocabulary set (its manifest), recorded with every evaluation.</summary>
    public string Version { get; init; } = "unversioned";

    /// <summary><c>sha256:</c> + hex digest over the data files, so a result points at the exact vocabulary bytes.</summary>
    public string ContentHash { get; init; } = "";
}
