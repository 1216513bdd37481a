using TumorBoard.Core.Alterations;

namespace TumorBoard.Core.Rules.Matchers;

/// <summary>A condition one alteration satisfies on its own (as opposed to AND / OR / NOT combinations).</summary>
public abstract record AlterationMatcher : BiomarkerMatcher
{
    private protected AlterationMatcher()
    {
    }

    /// <summary>The index key this matcher looks at: a gene symbol, or a biomarker key for TMB and MSI.</summary>
    public abstract string IndexKey { get; }

    public override IReadOnlyList<string> TriggerKeys => [IndexKey];

    /// <summary>True when <paramref name="alteration"/> (already filed under <see cref="IndexKey"/>) satisfies the condition.</summary>
    public abstract bool Matches(Alteration alteration);
}
