using TumorBoard.Core.Alterations;

namespace TumorBoard.Core.Rules.Engine;

/// <summary>Why a group's context declined all its rules, and the warning to show the board when there is one.</summary>
internal sealed record ContextDecline(string Reason, string? Warning = null);

/// <summary>What a group's context check leaves: the alterations that satisfy it and the caveats to show.</summary>
internal sealed record ContextOutcome(List<Alteration> Kept, List<string> Caveats)
{
    public List<Precondition> Preconditions { get; } = [];

    public List<string> Flags { get; } = [];
}

/// <summary>Applies a rule group's context (origin, receptor status, prior therapy) to its biomarker matches, or declines it.</summary>
internal static class RuleContextCheck
{
    /// <summary>
    /// The group's outcome, or (null and) why it is declined. Steps checked are appended to the rule's
    /// <paramref name="trace"/>, the one list that is built up across the engine's steps (null: no trace is kept).
    /// </summary>
    public static (ContextOutcome? Outcome, ContextDecline? Decline) Apply(
        RuleGroup group, List<Alteration> matched, PatientProfile patient, KnowledgeBase knowledgeBase, List<TraceStep>? trace)
    {
        var context = group.Context;
        var kept = matched;
        if (context.Origin != RequiredOrigin.Any)
        {
            kept = matched.FindAll(a => context.Origin.Allows(a.Origin));
            if (kept.Count == 0)
            {
                var origins = string.Join(", ", matched.Select(a => $"{a.Key} ({a.Origin.ToString().ToLowerInvariant()})"));
                var warning = context.Origin == RequiredOrigin.Germline && matched.Exists(a => a.Origin == VariantOrigin.Unknown)
                    ? $"{string.Join(", ", matched.Select(a => a.Key))}: origin unknown, so germline-only rules {string.Join(", ", group.Rules.Select(r => r.Rule.Id))} were not applied; germline testing and genetic counselling may be indicated."
                    : null;
                return (null, new ContextDecline($"requires {context.Origin.ToString().ToLowerInvariant()} origin; matched {origins}", warning));
            }

            trace?.Add(new TraceStep(TraceStepKind.Origin, context.Origin.ToString().ToLowerInvariant(), kept[0].Key, "satisfied"));
        }

        var caveats = new List<string>();
        foreach (var requirement in context.Receptors)
        {
            var check = ContextEvaluator.Check(requirement, patient.ClinicalMarkers);
            if (check == FactCheck.Contradicted)
            {
                return (null, new ContextDecline($"requires {requirement.Describe()}; the patient's record contradicts it"));
            }

            trace?.Add(new TraceStep(TraceStepKind.Receptor, requirement.Describe(), "", check == FactCheck.Satisfied ? "satisfied" : "not provided"));
            if (check == FactCheck.Unknown)
            {
                caveats.Add($"requires {requirement.Describe()}: status not provided");
            }
        }

        var outcome = new ContextOutcome(kept, caveats);
        foreach (var prior in context.AllPriorTherapies)
        {
            // Met when a recorded therapy satisfies it; not met when therapies are recorded but none does; unknown
            // when the record has no therapy history at all (absence of a record is not absence of treatment).
            var status = ContextEvaluator.HadPriorTherapy(prior, patient.PriorTherapies, knowledgeBase) ? PreconditionStatus.Met
                : patient.PriorTherapies.Count > 0 ? PreconditionStatus.NotMet
                : PreconditionStatus.Unknown;
            var precondition = new Precondition($"after {prior.Describe()}", status);
            outcome.Preconditions.Add(precondition);
            trace?.Add(new TraceStep(TraceStepKind.PriorTherapy, prior.Describe(), "", precondition.StatusCode));
            switch (status)
            {
                case PreconditionStatus.NotMet:
                    caveats.Add($"precondition not met: indicated after {prior.Describe()}; none recorded among the patient's therapies");
                    AddFlag(outcome.Flags, "precondition-not-met");
                    break;
                case PreconditionStatus.Unknown:
                    caveats.Add($"precondition unknown: indicated after {prior.Describe()}; no therapy history recorded");
                    AddFlag(outcome.Flags, "precondition-unknown");
                    break;
            }
        }

        return (outcome, null);
    }

    private static void AddFlag(List<string> flags, string flag)
    {
        if (!flags.Contains(flag))
        {
            flags.Add(flag);
        }
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
        Caveats = CaveatsOf(rule, outcome),
        With = rule.With,
        Preconditions = outcome.Preconditions,
        Flags = outcome.Flags,
    };

    /// <summary>A fired rule's caveats: its group's, plus what the therapy is given with.</summary>
    public static IReadOnlyList<string> CaveatsOf(Rule rule, ContextOutcome outcome) =>
        rule.With.Count == 0 ? outcome.Caveats : [.. outcome.Caveats, $"given with {string.Join(" and ", rule.With)}"];
}
