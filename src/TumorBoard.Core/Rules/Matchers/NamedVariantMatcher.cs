using TumorBoard.Core.Alterations;

namespace TumorBoard.Core.Rules.Matchers;

/// <summary>
/// A variant known by name rather than by protein change (AR-V7 splice variant, EGFR vIII), recognised
/// when the alteration's key or the lab's description contains one of <paramref name="Terms"/>.
/// </summary>
public sealed record NamedVariantMatcher(string Gene, string Name, IReadOnlyList<string> Terms) : AlterationMatcher
{
    public override string IndexKey => Gene;

    public override bool Matches(Alteration alteration) =>
        TextTerms.Contains(alteration.Key, Terms) || TextTerms.Contains(alteration.Description, Terms);

    public override string Describe() => $"{Gene} {Name} (named: {string.Join(", ", Terms)})";
}
