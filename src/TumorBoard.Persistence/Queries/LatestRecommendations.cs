using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Persistence.Queries;

/// <summary>
/// The statements over the latest trial rows (<c>latest_trial_recommendations</c>) that must stay on an index
/// (docs/performance.md). They live here, once, so the service runs them and RecommendationIndexTests EXPLAINs exactly
/// what runs.
/// </summary>
public static class LatestRecommendations
{
    /// <summary>
    /// Deletes the given patients' latest trial rows (<c>@patient_ids</c>: uuid[]) and returns what they were: patient,
    /// trial, arm, status, and the arm status each recorded. Narrow rows only: the recommendations themselves stay as
    /// they were (insert-only), so no wide row is copied or left dead.
    /// </summary>
    public const string ClearSql = """
        DELETE FROM latest_trial_recommendations WHERE patient_id = ANY(@patient_ids)
        RETURNING patient_id, trial_id, arm_id, status, arm_status
        """;

    /// <summary>Runs <see cref="ClearSql"/> in the caller's transaction; <typeparamref name="TRow"/> maps its columns.</summary>
    public static Task<List<TRow>> ClearLatestAsync<TRow>(this DatabaseFacade database, IReadOnlyCollection<Guid> patientIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(patientIds);
        return database.SqlQueryRaw<TRow>(ClearSql, new NpgsqlParameter("patient_ids", patientIds.ToArray())).ToListAsync(ct);
    }

    /// <summary>An arm's latest matches of the given statuses (a coordinator's arm list).</summary>
    public static IQueryable<LatestTrialRecommendationEntity> InArm(this IQueryable<LatestTrialRecommendationEntity> latest, string trialId, string armId, IReadOnlyCollection<string> statuses) =>
        latest.Where(r => r.TrialId == trialId && r.ArmId == armId && statuses.Contains(r.Status));

    /// <summary>One page of an arm list's rows by page number, in patient order (read from an index, stopping at the page).</summary>
    public static IQueryable<ArmPageRow> PageAt(this IQueryable<LatestTrialRecommendationEntity> matches, int skip, int take) =>
        matches.OrderBy(r => r.PatientId).Skip(skip).Take(take).Select(r => new ArmPageRow(r.RecommendationId, r.PatientId));

    /// <summary>
    /// Rows of an arm list counted from its end (patient order descending), for page numbers past the middle of the list:
    /// OFFSET walks every entry it skips, so reading from the nearer end bounds any page by half the list. Rows come
    /// back last first; the caller reverses them.
    /// </summary>
    public static IQueryable<ArmPageRow> PageFromEnd(this IQueryable<LatestTrialRecommendationEntity> matches, int skipFromEnd, int take) =>
        matches.OrderByDescending(r => r.PatientId).Skip(skipFromEnd).Take(take).Select(r => new ArmPageRow(r.RecommendationId, r.PatientId));

    /// <summary>One page of an arm list's rows after a patient (keyset: no OFFSET, the last page costs what the first does).</summary>
    public static IQueryable<ArmPageRow> PageAfter(this IQueryable<LatestTrialRecommendationEntity> matches, Guid afterPatientId, int take) =>
        matches.Where(r => r.PatientId > afterPatientId).OrderBy(r => r.PatientId).Take(take).Select(r => new ArmPageRow(r.RecommendationId, r.PatientId));
}

/// <summary>A row of an arm list page: the recommendation and its patient (the order key).</summary>
public sealed record ArmPageRow(Guid Id, Guid PatientId);
