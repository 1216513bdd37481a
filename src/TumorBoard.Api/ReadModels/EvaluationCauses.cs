using TumorBoard.Persistence.Entities;

namespace TumorBoard.Api.ReadModels;

/// <summary>
/// Why each evaluation was made, from what is stored: its trigger and the actor of its audit row, the
/// knowledge-base and trial-catalog versions against its predecessor's, the reports added or replaced, and the
/// arm status changes made between the two. Derived at read time, so evaluations written by any path (ingestion,
/// request, the batched re-match) explain themselves the same way. No I/O.
/// </summary>
public static class EvaluationCauses
{
    /// <summary>Enough arm changes to explain a re-match; a coordinator closing a whole catalog is summarised by its first changes.</summary>
    public const int MaxArmChanges = 50;

    public static EvaluationCauseDto For(
        EvaluationEntity evaluation, EvaluationEntity? previous, string actor, IReadOnlyList<ArmStatusChangeEntity> armChanges)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var changes = previous is null
            ? []
            : armChanges.Where(c => c.ChangedAt > previous.EvaluatedAt && c.ChangedAt <= evaluation.EvaluatedAt)
                .OrderBy(c => c.ChangedAt).ThenBy(c => c.Id)
                .Take(MaxArmChanges)
                .Select(ToDto)
                .ToList();
        return new EvaluationCauseDto(
            evaluation.Id,
            previous?.Id,
            evaluation.EvaluatedAt,
            evaluation.Trigger,
            actor,
            previous is null ? null : Change(previous.KnowledgeBaseVersion, previous.KnowledgeBaseHash, evaluation.KnowledgeBaseVersion, evaluation.KnowledgeBaseHash),
            previous is null || previous.TrialsVersion == evaluation.TrialsVersion ? null : new VersionChangeDto(previous.TrialsVersion, evaluation.TrialsVersion),
            previous is null ? [.. evaluation.ReportIds] : evaluation.ReportIds.Except(previous.ReportIds).ToList(),
            previous is null ? [] : previous.ReportIds.Except(evaluation.ReportIds).ToList(),
            changes);
    }

    public static ArmStatusChangeDto ToDto(ArmStatusChangeEntity c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.TrialId, c.ArmId, c.FromStatus, c.ToStatus, c.ChangedBy, c.ChangedAt, c.Reason);
    }

    /// <summary>A version change, or a content change under the same version (named by the hashes' first 12 characters).</summary>
    private static VersionChangeDto? Change(string fromVersion, string fromHash, string toVersion, string toHash)
    {
        if (fromVersion != toVersion)
        {
            return new VersionChangeDto(fromVersion, toVersion);
        }

        return fromHash == toHash ? null : new VersionChangeDto($"{fromVersion} ({Short(fromHash)})", $"{toVersion} ({Short(toHash)})");
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
