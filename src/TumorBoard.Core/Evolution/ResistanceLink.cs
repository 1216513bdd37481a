using TumorBoard.Core.Rules;
using TumorBoard.Core.Rules.Engine;

namespace TumorBoard.Core.Evolution;

/// <summary>
/// "This alteration resists these drugs", as the rules engine found it for this patient and a progression rule
/// watches it. Nothing here names a gene: the knowledge base decides.
/// </summary>
public sealed record ResistanceLink(
    string AlterationKey,
    IReadOnlyList<string> Drugs,
    string ResistanceRuleId,
    ProgressionRule Rule,
    IReadOnlyList<Citation> Citations);

/// <summary>Turns the rules engine's findings into <see cref="ResistanceLink"/>s under the progression rules.</summary>
public static class ResistanceLinks
{
    /// <summary>
    /// A rule naming knowledge-base rule ids takes the alterations those rules matched (any effect: PADA-1 watches
    /// the ESR1 ligand-binding-domain list whatever drug it points to) with the progression rule's drugs and
    /// citations. The rule naming none takes every resistance finding with its own drugs and citations, for
    /// alterations no named rule already watches.
    /// </summary>
    public static IReadOnlyList<ResistanceLink> From(IReadOnlyList<TherapyMatch> findings, MolecularProgressionRules rules)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(rules);
        var links = new List<ResistanceLink>();
        var watched = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in rules.Rules.Where(r => r.RuleIds.Count > 0))
        {
            foreach (var finding in findings.Where(f => rule.Watches(f.RuleId)))
            {
                foreach (var key in KeysOf(finding))
                {
                    watched.Add(key);
                    links.Add(new ResistanceLink(key, rule.Drugs ?? finding.Drugs, finding.RuleId, rule, rule.Citations.Concat(finding.Citations).Distinct().ToList()));
                }
            }
        }

        foreach (var rule in rules.Rules.Where(r => r.RuleIds.Count == 0))
        {
            foreach (var finding in findings.Where(f => f.Effect == TherapyEffect.Resistant))
            {
                foreach (var key in KeysOf(finding).Where(k => !watched.Contains(k)))
                {
                    links.Add(new ResistanceLink(key, rule.Drugs ?? finding.Drugs, finding.RuleId, rule, rule.Citations.Concat(finding.Citations).Distinct().ToList()));
                }
            }
        }

        return links;
    }

    private static IEnumerable<string> KeysOf(TherapyMatch finding) =>
        finding.MatchedAlterations.Count > 0 ? finding.MatchedAlterations.Select(a => a.Key).Distinct(StringComparer.OrdinalIgnoreCase) : [finding.AlterationKey];
}
