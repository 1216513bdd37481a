namespace TumorBoard.Api.ReadModels;

/// <summary>
/// Compares two stored evaluations finding by finding: therapies keyed <c>ruleId @ alterationKey</c> (the same
/// rule on the same alteration is the same finding), trial arms keyed <c>trialId/armId</c>. Arm status is compared
/// as each evaluation recorded it, not as it is now, so the difference is reproducible. No I/O.
/// </summary>
public static class EvaluationDiff
{
    public static (FindingChangesDto Therapies, FindingChangesDto Trials) Between(EvaluationDocument signedOff, EvaluationDocument pending)
    {
        ArgumentNullException.ThrowIfNull(signedOff);
        ArgumentNullException.ThrowIfNull(pending);
        return (Compare(signedOff.Therapies, pending.Therapies, TherapyKey, TherapyTitle, t => t.RecommendationId, TherapyFields),
         Compare(signedOff.Trials, pending.Trials, TrialKey, TrialTitle, t => t.RecommendationId, TrialFields));
    }

    public static string TherapyKey(TherapyRecommendationDto t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return $"{t.RuleId} @ {t.AlterationKey}";
    }

    public static string TrialKey(TrialRecommendationDto t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return $"{t.TrialId}/{t.ArmId}";
    }

    /// <summary>Each graded field of a therapy finding; a finding with equal fields in two evaluations is unchanged.</summary>
    public static IEnumerable<(string Field, string? Value)> TherapyFields(TherapyRecommendationDto t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return [
        ("level", t.Level),
        ("effect", t.Effect),
        ("drugs", string.Join(" + ", t.Drugs)),
        ("sample", t.Sample),
        ("emergent", Flag(t.Emergent)),
        ("contraindicated", Flag(t.Contraindicated)),
        ("inConflict", Flag(t.InConflict)),
    ];
    }

    /// <summary>Eligibility and the arm status the evaluation recorded (stored documents keep it; reads overlay the current one).</summary>
    public static IEnumerable<(string Field, string? Value)> TrialFields(TrialRecommendationDto t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return [
        ("status", t.Status),
        ("armStatus", t.ArmStatusAtEvaluation ?? t.ArmStatus),
    ];
    }

    private static string TherapyTitle(TherapyRecommendationDto t) => $"{string.Join(" + ", t.Drugs)} ({t.Effect}, level {t.Level}) for {t.AlterationKey}";

    private static string TrialTitle(TrialRecommendationDto t) => $"{t.TrialId} arm {t.ArmId}: {t.ArmTitle}";

    private static string Flag(bool value) => value ? "true" : "false";

    private static FindingChangesDto Compare<T>(
        IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, string> key, Func<T, string> title, Func<T, Guid> id, Func<T, IEnumerable<(string Field, string? Value)>> fields)
    {
        var old = Index(before, key);
        var now = Index(after, key);
        var added = now.Where(p => !old.ContainsKey(p.Key)).Select(p => new FindingChangeDto(p.Key, title(p.Value), id(p.Value), null, [])).ToList();
        var removed = old.Where(p => !now.ContainsKey(p.Key)).Select(p => new FindingChangeDto(p.Key, title(p.Value), null, id(p.Value), [])).ToList();
        var changed = new List<FindingChangeDto>();
        var unchanged = 0;
        foreach (var (k, current) in now)
        {
            if (!old.TryGetValue(k, out var previous))
            {
                continue;
            }

            var differences = fields(previous).Zip(fields(current))
                .Where(p => !string.Equals(p.First.Value, p.Second.Value, StringComparison.Ordinal))
                .Select(p => new FieldChangeDto(p.First.Field, p.First.Value, p.Second.Value))
                .ToList();
            if (differences.Count == 0)
            {
                unchanged++;
            }
            else
            {
                changed.Add(new FindingChangeDto(k, title(current), id(current), id(previous), differences));
            }
        }

        return new FindingChangesDto(added, removed, changed, unchanged);
    }

    /// <summary>First occurrence per key, in the evaluation's own (clinical) order.</summary>
    private static OrderedDictionary<string, T> Index<T>(IReadOnlyList<T> items, Func<T, string> key)
    {
        var index = new OrderedDictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            index.TryAdd(key(item), item);
        }

        return index;
    }
}
