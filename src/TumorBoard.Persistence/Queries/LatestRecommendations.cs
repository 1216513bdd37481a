using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Persistence.Queries;

/// <summary>
/// The statements over the latest recommendation rows that must stay on an index (docs/performance.md). They
/// live here, once, so the service runs them and RecommendationIndexTests EXPLAINs exactly what runs.
/// </summary>
public static class LatestRecommendations
{
    /// <summary>Clears the latest flag of the given patients' rows (<c>@patient_ids</c>: uuid[]).</summary>
    public const string ClearSql = "UPDATE recommendations SET is_latest = false WHERE patient_id = ANY(@patient_ids) AND is_latest";

    /// <summary>Runs <see cref="ClearSql"/> for <paramref name="patientIds"/> in the caller's transaction.</summary>
    public static Task<int> ClearLatestAsync(this DatabaseFacade database, IReadOnlyCollection<Guid> patientIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(patientIds);
        return database.ExecuteSqlRawAsync(ClearSql, [new NpgsqlParameter("patient_ids", patientIds.ToArray())], ct);
    }

    /// <summary>An arm's latest matches of the given statuses (a coordinator's arm list).</summary>
    public static IQueryable<RecommendationEntity> InArm(this IQueryable<RecommendationEntity> recommendations, string trialId, string armId, IReadOnlyCollection<string> statuses) =>
        recommendations.Where(r => r.IsLatest && r.TrialId == trialId && r.ArmId == armId && statuses.Contains(r.Status!));

    /// <summary>One page of an arm list's row ids, in patient order (read from an index, stopping at the page).</summary>
    public static IQueryable<Guid> PageIds(this IQueryable<RecommendationEntity> matches, int skip, int take) =>
        matches.OrderBy(r => r.PatientId).Skip(skip).Take(take).Select(r => r.Id);
}
