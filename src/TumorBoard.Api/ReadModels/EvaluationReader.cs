using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Persistence;

namespace TumorBoard.Api.ReadModels;

/// <summary>
/// Reads an evaluation as stored (never recomputed) and joins what happened to it since: each
/// recommendation's latest review, the sign-off, the trial arms' current accrual status (a coordinator's
/// change shows at once), and the differences from the previous evaluation.
/// </summary>
public static class EvaluationReader
{
    public static async Task<EvaluationDocument?> ReadAsync(TumorBoardDbContext db, Knowledge knowledge, Guid evaluationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var document = await LoadStoredAsync(db, evaluationId, ct);
        if (document is null)
        {
            return null;
        }

        var reviews = await db.Reviews.AsNoTracking().Where(r => r.EvaluationId == evaluationId).OrderBy(r => r.At).ToListAsync(ct);
        var latest = reviews.GroupBy(r => r.RecommendationId).ToDictionary(g => g.Key, g => g.Last());
        var signOff = await db.SignOffs.AsNoTracking().SingleOrDefaultAsync(s => s.EvaluationId == evaluationId, ct);
        var previous = document.PreviousEvaluationId is { } previousId ? await LoadStoredAsync(db, previousId, ct) : null;
        var arms = await ArmStatusLookup.LoadAsync(db, knowledge, ct);

        return document with
        {
            Therapies = document.Therapies.Select(t => latest.TryGetValue(t.RecommendationId, out var r)
                ? t with { Review = ReviewStateDto.Reviewed(r.Decision, r.Reviewer, r.At, r.Comment, r.Drugs) }
                : t).ToList(),
            Trials = document.Trials.Select(t => (latest.TryGetValue(t.RecommendationId, out var r)
                ? t with { Review = ReviewStateDto.Reviewed(r.Decision, r.Reviewer, r.At, r.Comment, r.Drugs) }
                : t) with
            { ArmStatusAtEvaluation = t.ArmStatusAtEvaluation ?? t.ArmStatus, ArmStatus = arms.StatusOf(t.TrialId, t.ArmId) }).ToList(),
            SignOff = signOff is null ? null : new SignOffStateDto(signOff.Actor, signOff.At, signOff.Comment)
            {
                AcceptedUnreviewed = signOff.AcceptedUnreviewed,
                UnreviewedRecommendationIds = signOff.UnreviewedRecommendationIds,
            },
            Changes = EvaluationChanges.Between(previous, document),
        };
    }

    /// <summary>
    /// The stored document with each arm's criteria trace joined back from its row's payload, where it is stored once
    /// (documents written before that hold it inline and need no join).
    /// </summary>
    public static async Task<EvaluationDocument?> LoadStoredAsync(TumorBoardDbContext db, Guid evaluationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var json = await db.Evaluations.Where(e => e.Id == evaluationId).Select(e => e.Document).SingleOrDefaultAsync(ct);
        if (json is null)
        {
            return null;
        }

        var document = JsonSerializer.Deserialize(json, EvaluationJsonContext.Default.EvaluationDocument)!;
        if (document.Trials.All(t => t.Criteria.Count > 0))
        {
            return document;
        }

        var payloads = await db.Recommendations.AsNoTracking().Where(r => r.EvaluationId == evaluationId && r.Kind == "trial" && r.Payload != null)
            .Select(r => new { r.Id, r.Payload }).ToListAsync(ct);
        var criteria = payloads.ToDictionary(p => p.Id, p => TrialRowPayload.CriteriaOf(p.Payload!));
        return document with
        {
            Trials = document.Trials.Select(t => t.Criteria.Count > 0 || !criteria.TryGetValue(t.RecommendationId, out var trace) ? t : t with { Criteria = trace }).ToList(),
        };
    }
}
