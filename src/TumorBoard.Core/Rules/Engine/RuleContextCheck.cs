using TumorBoard.Core.Alterations;

namespace TumorBoard.Core.Rules.Engine;

/// <summary>Applies a rule's context to its biomarker matches and builds the <see cref="TherapyMatch"/>, or declines the rule.</summary>
internal static class RuleContextCheck
{
    public static TherapyMatch? Apply(
        CompiledRule compiled,
        ScopeDecision scope,
        List<Alteration> matched,
        List<TraceStep> trace,
        PatientProfile patient,
        KnowledgeBase knowledgeBase,
        List<DeclinedRule> declined,
        List<string> warnings)
    {
        var rule = compiled.Rule;
        var context = rule.Context;
        var kept = matched;
        if (context.Origin != RequiredOrigin.Any)
        {
            kept = matched.FindAll(a => ContextEvaluator.OriginAllows(context.Origin, a.Origin));
            if (kept.Count == 0)
            {
                var origins = string.Join(", ", matched.Select(a => $"{a.Key} ({a.Origin.ToString().ToLowerInvariant()})"));
                declined.Add(new DeclinedRule(rule.Id, $"requires {context.Origin.ToString().ToLowerInvariant()} origin; matched {origins}"));
                if (context.Origin == RequiredOrigin.Germline && matched.Exists(a => a.Origin == VariantOrigin.Unknown))
                {
                    warnings.Add($"{string.Join(", ", matched.Select(a => a.Key))}: origin unknown, so germline-only rule {rule.Id} was not applied; germline testing and genetic counselling may be indicated.");
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
                declined.Add(new DeclinedRule(rule.Id, $"requires {requirement.Describe()}; the patient's record contradicts it"));
                return null;
            }

            var outcome = check == FactCheck.Satisfied ? "satisfied" : "not provided";
            trace.Add(new TraceStep(TraceStepKind.Receptor, requirement.Describe(), "", outcome));
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

        return new TherapyMatch
        {
            RuleId = rule.Id,
            Drugs = rule.Drugs,
            Effect = rule.Effect,
            Level = rule.Level,
            Escat = rule.Escat?.Tier,
            Gene = compiled.Gene,
            Alteration = AlterationText.Of(kept),
            AlterationKey = kept[0].Key,
            MatchedAlterations = kept,
            TumorTypeMatch = scope switch
            {
                ScopeDecision.Exact => TumorTypeMatch.Exact,
                ScopeDecision.Ancestor => TumorTypeMatch.Ancestor,
                _ => TumorTypeMatch.Agnostic,
            },
            Citations = rule.Citations,
            Rationale = rule.Rationale,
            Trace = trace,
            Caveats = caveats,
        };
    }
}
