namespace TumorBoard.Core.Rules.Matchers;

/// <summary>
/// The closed vocabulary of biomarker conditions a rule can state. Every variant is a sealed record in
/// this namespace; rule files name the variant by its <c>kind</c>, never by an expression compiled at run time.
/// </summary>
public abstract record BiomarkerMatcher
{
    private protected BiomarkerMatcher()
    {
    }

    /// <summary>
    /// Index keys (gene symbols, or <see cref="IndexKeys.Tmb"/> / <see cref="IndexKeys.Msi"/>) at least one of
    /// which a patient must have for this matcher to fire; the engine looks rules up by them.
    /// </summary>
    public abstract IReadOnlyList<string> TriggerKeys { get; }

    /// <summary>A short human-readable statement of the condition, for traces and docs.</summary>
    public abstract string Describe();
}
