using TumorBoard.Core.Rules;
using TumorBoard.Core.Trials.Criteria;

namespace TumorBoard.Core.Trials.Evaluation;

/// <summary>
/// "No targetable alteration" from the knowledge base's own findings for the patient: an alteration is
/// targetable when a sensitivity rule at one of the criterion's levels fired on it for this tumour. The arm's
/// selecting alterations are not counted (S1900B's RET fusion is its biomarker, not an "other driver").
/// </summary>
internal static class Targetable
{
    public static Verdict Evaluate(NoTargetableAlterationCriterion criterion, EvaluationContext context)
    {
        if (context.Patient.KnowledgeBaseMatches is not { } matches)
        {
            return Verdict.Unknown("the knowledge base was not evaluated for this patient");
        }

        var own = context.SelectionHits.Select(h => h.Alteration.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var targetable = matches
            .Where(m => criterion.Levels.Contains(m.Level))
            .SelectMany(m => m.AlterationKeys.Select(key => (Key: key, Match: m)))
            .Where(x => !own.Contains(x.Key) && (criterion.Genes.Count == 0 || criterion.Genes.Contains(x.Match.Gene, StringComparer.OrdinalIgnoreCase)))
            .GroupBy(x => x.Key, StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (targetable.Count == 0)
        {
            return Verdict.Met($"no alteration with a level {string.Join("/", criterion.Levels.Select(l => l.ToCode()))} therapy in the knowledge base for this tumour");
        }

        var untreated = new List<string>();
        var treated = new List<string>();
        foreach (var alteration in targetable)
        {
            var drugs = alteration.SelectMany(x => x.Match.Drugs).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var best = alteration.MinBy(x => x.Match.Level.Rank()).Match;
            var text = $"{alteration.Key}: {string.Join(", ", drugs)} (level {best.Level.ToCode()}, rule {best.RuleId})";
            var received = context.Patient.PriorTherapies.FirstOrDefault(t => t.Drugs.Any(d => drugs.Contains(d, StringComparer.OrdinalIgnoreCase)));
            if (criterion.UnlessTreated && received is not null)
            {
                treated.Add($"{text}; received {ClinicalCriteria.Therapy(received)}");
            }
            else
            {
                untreated.Add(text);
            }
        }

        if (untreated.Count == 0)
        {
            return Verdict.Met("targetable alteration treated: " + string.Join("; ", treated));
        }

        var prefix = criterion.UnlessTreated ? "targetable alteration without its targeted therapy in the record: " : "targetable alteration: ";
        return Verdict.Unmet(prefix + string.Join("; ", untreated) + (treated.Count == 0 ? "" : "; treated: " + string.Join("; ", treated)));
    }

    /// <summary>
    /// The best knowledge-base level for the arm's own biomarker and drugs: the sensitivity rules that fired on an
    /// alteration the arm's selection matched and name one of the arm's drugs.
    /// </summary>
    public static KnowledgeBaseMatch? BiomarkerLevel(TrialArm arm, IReadOnlyList<MatchedAlteration> hits, IReadOnlyList<KnowledgeBaseMatch>? matches)
    {
        if (matches is null || hits.Count == 0)
        {
            return null;
        }

        var keys = hits.Select(h => h.Alteration.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return matches
            .Where(m => m.AlterationKeys.Any(keys.Contains) && m.Drugs.Any(d => arm.Drugs.Contains(d, StringComparer.OrdinalIgnoreCase)))
            .OrderBy(m => m.Level.Rank())
            .ThenBy(m => m.RuleId, StringComparer.Ordinal)
            .FirstOrDefault();
    }
}
