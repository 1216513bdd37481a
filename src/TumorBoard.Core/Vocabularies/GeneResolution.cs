namespace TumorBoard.Core.Vocabularies;

/// <summary>How an input gene name was resolved to an HGNC-approved symbol.</summary>
public enum GeneResolutionKind
{
    Approved,
    HgncId,
    PreviousSymbol,
    Alias,
    Ambiguous,
    Unknown,
}

/// <summary>The approved symbol (null when ambiguous or unknown) and how it was found; candidates list the choices of an ambiguous alias.</summary>
public sealed record GeneResolution(string? Symbol, GeneResolutionKind Kind, IReadOnlyList<string> Candidates);
