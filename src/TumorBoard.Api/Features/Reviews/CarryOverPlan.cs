using Microsoft.EntityFrameworkCore;
using TumorBoard.Api.ReadModels;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Api.Features.Reviews;

/// <summary>
/// Which reviews may be carried: a target recommendation qualifies when the source evaluation has the same
/// finding graded alike (the diff's "unchanged"), that finding has a review, and the target has none yet.
/// </summary>
internal sealed record CarryOverPlan(IReadOnlyList<(Guid RecommendationId, ReviewEntity Source)> Carry, IReadOnlyList<CarryOverSkipDto> Skipped)
{
    public static async Task<CarryOverPlan> BuildAsync(TumorBoardDbContext db, Guid sourceId, Guid targetId, IReadOnlyList<Guid>? only, CancellationToken ct)
    {
        var source = (await EvaluationReader.LoadStoredAsync(db, sourceId, ct))!;
        var target = (await EvaluationReader.LoadStoredAsync(db, targetId, ct))!;
        var sourceReviews = (await db.Reviews.AsNoTracking().Where(r => r.EvaluationId == sourceId).OrderBy(r => r.At).ToListAsync(ct))
            .GroupBy(r => r.RecommendationId).ToDictionary(g => g.Key, g => g.Last());
        var reviewed = (await db.Reviews.AsNoTracking().Where(r => r.EvaluationId == targetId).Select(r => r.RecommendationId).ToListAsync(ct)).ToHashSet();

        var candidates = Findings(target, source).ToList();
        var carry = new List<(Guid, ReviewEntity)>();
        var skipped = new List<CarryOverSkipDto>();
        var wanted = only?.ToHashSet();
        if (wanted is not null)
        {
            skipped.AddRange(wanted.Where(id => candidates.TrueForAll(c => c.Id != id)).Select(id => new CarryOverSkipDto(id, null, "notInEvaluation")));
        }

        foreach (var (id, key, sourceId2, unchanged) in candidates.Where(c => wanted is null || wanted.Contains(c.Id)))
        {
            var reason = reviewed.Contains(id) ? "alreadyReviewed"
                : sourceId2 is null ? "new"
                : !unchanged ? "changed"
                : !sourceReviews.ContainsKey(sourceId2.Value) ? "notReviewed"
                : null;
            if (reason is null)
            {
                carry.Add((id, sourceReviews[sourceId2!.Value]));
            }
            else
            {
                skipped.Add(new CarryOverSkipDto(id, key, reason));
            }
        }

        return new CarryOverPlan(carry, skipped);
    }

    /// <summary>Each target recommendation with its key, the source recommendation of the same key, and whether it is graded alike.</summary>
    private static IEnumerable<(Guid Id, string Key, Guid? SourceId, bool Unchanged)> Findings(EvaluationDocument target, EvaluationDocument source)
    {
        var therapies = source.Therapies.GroupBy(EvaluationDiff.TherapyKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var t in target.Therapies)
        {
            var key = EvaluationDiff.TherapyKey(t);
            therapies.TryGetValue(key, out var s);
            yield return (t.RecommendationId, key, s?.RecommendationId, s is not null && EvaluationDiff.TherapyFields(s).SequenceEqual(EvaluationDiff.TherapyFields(t)));
        }

        var trials = source.Trials.GroupBy(EvaluationDiff.TrialKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var t in target.Trials)
        {
            var key = EvaluationDiff.TrialKey(t);
            trials.TryGetValue(key, out var s);
            yield return (t.RecommendationId, key, s?.RecommendationId, s is not null && EvaluationDiff.TrialFields(s).SequenceEqual(EvaluationDiff.TrialFields(t)));
        }
    }
}
