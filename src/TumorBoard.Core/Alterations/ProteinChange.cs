namespace TumorBoard.Core.Alterations;

/// <summary>
/// A protein change parsed from HGVS p. notation into one-letter form without the <c>p.</c> prefix
/// (<c>L858R</c>, <c>E746_A750del</c>, <c>S1982Rfs*22</c>). Matchers work on the parsed fields,
/// never on the text, so every spelling of the same change matches the same rules.
/// </summary>
/// <param name="Text">Canonical one-letter text, e.g. <c>E746_A750del</c>.</param>
/// <param name="Kind">Consequence class.</param>
/// <param name="StartResidue">One-letter amino acid at the first position (E in E746_A750del).</param>
/// <param name="StartPosition">First codon affected.</param>
/// <param name="EndResidue">One-letter amino acid at the last position of a range, else null.</param>
/// <param name="EndPosition">Last codon of a range (750 in E746_A750del); equals StartPosition for single residues.</param>
/// <param name="Alternate">Replacement residue(s) or inserted sequence, one-letter (R in L858R, S in delinsS); null when none.</param>
public sealed record ProteinChange(
    string Text,
    ProteinChangeKind Kind,
    char StartResidue,
    int StartPosition,
    char? EndResidue,
    int EndPosition,
    string? Alternate)
{
    /// <summary>True when the change removes function by truncation (nonsense, frameshift).</summary>
    public bool IsTruncating => Kind is ProteinChangeKind.Nonsense or ProteinChangeKind.Frameshift;

    /// <summary>True when the change keeps the reading frame but deletes, inserts or duplicates residues.</summary>
    public bool IsInframeIndel => Kind is ProteinChangeKind.InframeDeletion or ProteinChangeKind.InframeInsertion
        or ProteinChangeKind.Delins or ProteinChangeKind.Duplication;
}
