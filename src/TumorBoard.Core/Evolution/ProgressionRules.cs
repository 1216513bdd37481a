using TumorBoard.Core.Rules;

namespace TumorBoard.Core.Evolution;

/// <summary>What counts as a rise of a resistance alteration in serial ctDNA; serialised camelCase.</summary>
public enum ProgressionTrigger
{
    /// <summary>Newly detected: a draw finds it after the previous sample that tested for it did not.</summary>
    Appearance,

    /// <summary>Newly detected, or detected with a higher VAF than in the previous draw (PADA-1's "newly present or increased").</summary>
    AppearanceOrIncrease,
}

/// <summary>What a plasma-only finding in a clonal-haematopoiesis gene does to a rule's alert.</summary>
public enum ClonalHaematopoiesisHandling
{
    /// <summary>No alert: the blood cells, not the tumour, may carry it.</summary>
    Suppress,

    /// <summary>Alert with a "possible clonal haematopoiesis; confirm in tissue" caveat.</summary>
    Caveat,
}

/// <summary>
/// One molecular-progression rule of the knowledge base. <see cref="RuleIds"/> names the knowledge-base rules
/// whose matched alterations it watches; empty means every resistance rule. <see cref="Drugs"/> are the therapies
/// the alteration resists; null means the watched rule's own drugs.
/// </summary>
public sealed record ProgressionRule(
    string Id,
    IReadOnlyList<string> RuleIds,
    IReadOnlyList<string>? Drugs,
    ProgressionTrigger Trigger,
    ClonalHaematopoiesisHandling ClonalHaematopoiesis,
    IReadOnlyList<Citation> Citations,
    string Description)
{
    /// <summary>
    /// True when <paramref name="ruleId"/> is one of <see cref="RuleIds"/> or a therapy of one: the loader expands a
    /// curated entry into one rule per therapy (<c>BREAST-ESR1-LBD/elacestrant</c>), and the file names the entry.
    /// </summary>
    public bool Watches(string ruleId)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        return RuleIds.Any(id => string.Equals(ruleId, id, StringComparison.Ordinal) || ruleId.StartsWith(id + "/", StringComparison.Ordinal));
    }
}

/// <summary>The knowledge base's molecular-progression section: the rules and the plasma limit of detection.</summary>
/// <remarks>LimitOfDetectionVaf: A plasma call below this VAF needs a second draw to confirm it before it alerts.</remarks>
/// <remarks>LimitOfDetectionNote: Where the figure comes from (shown with it).</remarks>
public sealed record MolecularProgressionRules(decimal LimitOfDetectionVaf, string LimitOfDetectionNote, IReadOnlyList<ProgressionRule> Rules)
{
    public static readonly MolecularProgressionRules None = new(0m, "no molecular-progression rules loaded", []);
}
