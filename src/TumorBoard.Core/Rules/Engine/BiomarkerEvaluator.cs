using TumorBoard.Core.Alterations;
using TumorBoard.Core.Rules.Matchers;

namespace TumorBoard.Core.Rules.Engine;

/// <summary>
/// Evaluates a rule's matcher tree against the patient's alterations, collecting matches and trace steps
/// (none when <c>trace</c> is null: the CIViC layer shows evidence ids, not a trace).
/// </summary>
internal static class BiomarkerEvaluator
{
    public static bool Evaluate(
        BiomarkerMatcher matcher,
        RuleGroup rule,
        PatientAlterations alterations,
        List<Alteration> matched,
        List<TraceStep>? trace)
    {
        switch (matcher)
        {
            case AlterationMatcher single:
                var found = false;
                foreach (var alteration in alterations.For(single.IndexKey))
                {
                    if (single.Matches(alteration) && !matched.Contains(alteration))
                    {
                        matched.Add(alteration);
                        trace?.Add(new TraceStep(TraceStepKind.BiomarkerMatched, rule.Descriptions[single], alteration.Key, "matched"));
                        found = true;
                    }
                }

                return found;

            case AllOfMatcher all:
                foreach (var part in all.Matchers)
                {
                    if (!Evaluate(part, rule, alterations, matched, trace))
                    {
                        return false;
                    }
                }

                return true;

            case AnyOfMatcher any:
                var anyFound = false;
                foreach (var part in any.Matchers)
                {
                    anyFound |= Evaluate(part, rule, alterations, matched, trace);
                }

                return anyFound;

            case NotMatcher not:
                var probe = new List<Alteration>();
                if (Evaluate(not.Matcher, rule, alterations, probe, null))
                {
                    return false;
                }

                trace?.Add(new TraceStep(TraceStepKind.BiomarkerAbsent, rule.Descriptions[not.Matcher], "", "absent"));
                return true;

            default:
                throw new NotSupportedException($"Unknown matcher {matcher.GetType().Name}");
        }
    }
}
