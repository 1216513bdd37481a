using TumorBoard.Core.Alterations;

namespace TumorBoard.Core.Rules.Engine;

/// <summary>What a group's context check leaves: the alterations that satisfy it and the caveats to show.</summary>
internal sealed record ContextOutcome(List<Alteration> Kept, List<string> Caveats);

/// <summary>Applies a rule group's context (origin, receptor status, prior therapy) to its biomarker matches, or declines it.</summary>
internal static class RuleContextCheck
{
    public static ContextOutcome? Apply(
        RuleGroup group,
        List<Alteration> matched,
        List<TraceStep> trace,
        PatientProfile patient,
        KnowledgeBase knowledgeBase,
        List<DeclinedRule> declined,
        List<string> warnings)
    {
        var context = group.Context;
        var kept = matched;
        if (context.Origin != RequiredOrigin.Any)
        {
            kept = matched.FindAll(a => ContextEvaluator.OriginAllows(context.Origin, a.Origin));
            if (kept.Count == 0)
            {
                var origins = string.Join(", ", matched.Select(a => $"{a.Key} ({a.Origin.ToString().ToLowerInvariant()})"));
                Decline(group, $"requires {context.Origin.ToString().ToLowerInvariant()} origin; matched {origins}", declined);
                if (context.Origin == RequiredOrigin.Germline && matched.Exists(a => a.Origin == VariantOrigin.Unknown))
                {
                    warnings.Add($"{string.Join(", ", matched.Select(a => a.Key))}: origin unknown, so germline-only rules {string.Join(", ", group.Rules.Select(r => r.Rule.Id))} were not applied; germline testing and genetic counselling may be indicated.");
                }

                return null;
            }

            trace.Add(new TraceStep(TraceStepKind.Origin, context.Origin.ToString().ToLowerInvariant(), kept[0].Key, "satisfied"));
        }

        var caveats = new List<string>();
        foreach (var requirement in context.Receptors)
        {
            var check = ContextEvaluator.Check(requirement, patient.ClinicalMarkers);
            if (check == FactCheck.Contradicted)
            {
                Decline(group, $"requires {requirement.Describe()}; the patient's record contradicts it", declined);
                return null;
            }

            trace.Add(new TraceStep(TraceStepKind.Receptor, requirement.Describe(), "", check == FactCheck.Satisfied ? "satisfied" : "not provided"));
            if (check == FactCheck.Unknown)
            {
                caveats.Add($"requires {requirement.Describe()}: status not provided");
            }
        }

        if (context.PriorTherapy is { } prior)
        {
            var had = ContextEvaluator.HadPriorTherapy(prior, patient.PriorTherapies, knowledgeBase);
            trace.Add(new TraceStep(TraceStepKind.PriorTherapy, prior.Describe(), "", had ? "satisfied" : "not recorded"));
            if (!had)
            {
                caveats.Add($"indicated after {prior.Describe()}: no such prior therapy recorded");
            }
        }

        return new ContextOutcome(kept, caveats);
    }

    public static TherapyMatch Build(RuleGroup group, Rule rule, ContextOutcome outcome, string alterationText, TumorTypeMatch tumorTypeMatch, List<TraceStep> trace) => new()
    {
        RuleId = rule.Id,
        Drugs = rule.Drugs,
        Effect = rule.Effect,
        Level = rule.Level,
        Escat = rule.Escat?.Tier,
        Gene = group.Gene,
        Alteration = alterationText,
        AlterationKey = outcome.Kept[0].Key,
        MatchedAlterations = outcome.Kept,
        TumorTypeMatch = tumorTypeMatch,
        Citations = rule.Citations,
        Rationale = rule.Rationale,
        Trace = trace,
        Caveats = outcome.Caveats,
    };

    private static void Decline(RuleGroup group, string reason, List<DeclinedRule> declined)
    {
        foreach (var rule in group.Rules)
        {
            declined.Add(new DeclinedRule(rule.Rule.Id, reason));
        }
    }
}
