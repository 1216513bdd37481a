namespace TumorBoard.Core.Vocabularies;

/// <summary>Every controlled vocabulary the service normalises against, loaded once from versioned data files.</summary>
public sealed record Vocabulary(GeneSymbols Genes, OncoTree OncoTree, TumorCrosswalk TumorCrosswalk, DrugNames Drugs);
