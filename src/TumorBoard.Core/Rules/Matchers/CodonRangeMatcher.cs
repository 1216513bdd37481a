using TumorBoard.Core.Alterations;

namespace TumorBoard.Core.Rules.Matchers;

/// <summary>
/// An exon-level class: changes of the listed consequence kinds whose whole span lies within codons
/// <paramref name="Start"/>..<paramref name="End"/> (EGFR exon 19 in-frame deletions = deletions and delins
/// within 729-761; exon 20 insertions = insertions and duplications within 762-823). Listed changes are
/// excluded (EGFR A763_Y764insFQEA behaves like a sensitising mutation). When a report gives no protein
/// change, a description containing one of <paramref name="DescriptionTerms"/> (e.g. "exon 19 deletion") matches.
/// </summary>
public sealed record CodonRangeMatcher(
    string Gene,
    string Name,
    int Start,
    int End,
    IReadOnlyList<ProteinChangeKind> Kinds,
    IReadOnlyList<string> ExcludedChanges,
    IReadOnlyList<string> DescriptionTerms) : AlterationMatcher
{
    public override string IndexKey => Gene;

    /// <summary>
    /// Also match a delins that inserts more residues than it deletes (EGFR D770delinsGY, ERBB2 G776delinsVC):
    /// an exon 20 insertion written as delins. A delins that deletes as many or more does not match.
    /// </summary>
    public bool NetInsertingDelins { get; init; }

    public override bool Matches(Alteration alteration)
    {
        if (alteration.Protein is not { } protein)
        {
            return TextTerms.Contains(alteration.Description, DescriptionTerms);
        }

        return (Kinds.Contains(protein.Kind) || (NetInsertingDelins && IsNetInsertion(protein)))
            && protein.StartPosition >= Start
            && protein.EndPosition <= End
            && !ExcludedChanges.Contains(protein.Text, StringComparer.OrdinalIgnoreCase);
    }

    private static bool IsNetInsertion(ProteinChange protein) =>
        protein.Kind == ProteinChangeKind.Delins && (protein.Alternate?.Length ?? 0) > protein.EndPosition - protein.StartPosition + 1;

    public override string Describe() =>
        $"{Gene} {Name} ({string.Join("/", Kinds.Select(k => k.ToString().ToLowerInvariant()).Concat(NetInsertingDelins ? ["net-inserting delins"] : []))} within codons {Start}-{End}"
        + (ExcludedChanges.Count > 0 ? $", except {string.Join(", ", ExcludedChanges)})" : ")");
}
