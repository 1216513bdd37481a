namespace TumorBoard.Api.ReadModels;

/// <summary>What a board needs to see first when a case comes back: findings that appeared, disappeared or changed grade.</summary>
internal static class EvaluationChanges
{
    public static EvaluationChangesDto Between(EvaluationDocument? previous, EvaluationDocument current)
    {
        var before = Index(previous);
        var now = Index(current);
        var added = now.Keys.Except(before.Keys).Order(StringComparer.Ordinal).ToList();
        var lost = before.Keys.Except(now.Keys).Order(StringComparer.Ordinal).ToList();
        var changed = now.Keys.Intersect(before.Keys).Where(k => before[k] != now[k]).Order(StringComparer.Ordinal)
            .Select(k => $"{k}: {before[k]} -> {now[k]}").ToList();
        return new EvaluationChangesDto(previous?.EvaluationId, added, lost, changed);
    }

    /// <summary>Each finding keyed by what it is, valued by how it is graded.</summary>
    private static Dictionary<string, string> Index(EvaluationDocument? document)
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        if (document is null)
        {
            return index;
        }

        foreach (var t in document.Therapies)
        {
            index.TryAdd($"{t.RuleId} @ {t.AlterationKey}",
                $"level {t.Level}, {t.Sample}{(t.Emergent ? ", emergent" : string.Empty)}{(t.Contraindicated ? ", contraindicated" : string.Empty)}");
        }

        foreach (var t in document.Trials)
        {
            index.TryAdd($"{t.TrialId}/{t.ArmId}", $"{t.Status}, arm {t.ArmStatus}");
        }

        return index;
    }
}
