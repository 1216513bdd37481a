using TumorBoard.Core.Patients;
using TumorBoard.Core.Rules;
using TumorBoard.Core.Rules.Matchers;
using TumorBoard.Core.Trials.Criteria;

namespace TumorBoard.Core.Trials.Evaluation;

/// <summary>Walks a rules-engine matcher tree over the patient's sampled alterations, collecting what matched.</summary>
internal static class GenomicEvaluator
{
    public static bool Evaluate(GenomicCriterion criterion, SampledAlterations alterations, List<MatchedAlteration> hits) =>
        Evaluate(criterion.Matcher, criterion, alterations, hits);

    private static bool Evaluate(BiomarkerMatcher matcher, GenomicCriterion criterion, SampledAlterations alterations, List<MatchedAlteration> hits)
    {
        switch (matcher)
        {
            case AlterationMatcher single:
                var found = false;
                foreach (var item in alterations.For(single.IndexKey, criterion.Samples))
                {
                    if (criterion.Origin.Allows(item.Alteration.Origin)
                        && (item.Role != SpecimenRole.Normal || criterion.Origin == RequiredOrigin.Germline)
                        && single.Matches(item.Alteration))
                    {
                        if (!hits.Contains(item))
                        {
                            hits.Add(item);
                        }

                        found = true;
                    }
                }

                return found;
            case AllOfMatcher all:
                foreach (var part in all.Matchers)
                {
                    if (!Evaluate(part, criterion, alterations, hits))
                    {
                        return false;
                    }
                }

                return true;
            case AnyOfMatcher any:
                var anyFound = false;
                foreach (var part in any.Matchers)
                {
                    anyFound |= Evaluate(part, criterion, alterations, hits);
                }

                return anyFound;
            case NotMatcher not:
                return !Evaluate(not.Matcher, criterion, alterations, []);
            default:
                throw new NotSupportedException($"Unknown matcher {matcher.GetType().Name}");
        }
    }
}
