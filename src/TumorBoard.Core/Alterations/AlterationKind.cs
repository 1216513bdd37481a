namespace TumorBoard.Core.Alterations;

/// <summary>The broad class of a normalised alteration; serialised lower-case as in the HTTP contract.</summary>
public enum AlterationKind
{
    Snv,
    Indel,
    Cna,
    Fusion,
    Tmb,
    Msi,
    Other,
}
