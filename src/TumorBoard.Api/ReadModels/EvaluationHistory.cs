using Microsoft.EntityFrameworkCore;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Api.ReadModels;

/// <summary>
/// A patient's evaluations and their board state: the signed-off record (the newest evaluation a board signed
/// off), the pending one (the latest, when it is newer and not signed off), and why each was made. Reads the
/// evaluations' metadata, never their documents.
/// </summary>
public sealed class EvaluationHistory
{
    private readonly Dictionary<Guid, SignOffEntity> _signOffs;
    private readonly Dictionary<Guid, string> _actors;
    private readonly List<ArmStatusChangeEntity> _armChanges;

    private EvaluationHistory(
        List<EvaluationEntity> evaluations, Guid? latestId, Dictionary<Guid, SignOffEntity> signOffs, Dictionary<Guid, string> actors, List<ArmStatusChangeEntity> armChanges)
    {
        Evaluations = evaluations;
        _signOffs = signOffs;
        _actors = actors;
        _armChanges = armChanges;
        SignedOff = evaluations.LastOrDefault(e => signOffs.ContainsKey(e.Id));
        var latest = evaluations.FirstOrDefault(e => e.Id == latestId);
        Pending = latest is not null && !signOffs.ContainsKey(latest.Id) && (SignedOff is null || Newer(latest, SignedOff)) ? latest : null;
    }

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<EvaluationEntity> Evaluations { get; }

    public EvaluationEntity? SignedOff { get; }

    public EvaluationEntity? Pending { get; }

    public SignOffEntity? SignOffOf(Guid evaluationId) => _signOffs.GetValueOrDefault(evaluationId);

    public static async Task<EvaluationHistory> LoadAsync(TumorBoardDbContext db, Guid patientId, Guid? latestEvaluationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var evaluations = await db.Evaluations.AsNoTracking().Where(e => e.PatientId == patientId)
            .Select(e => new EvaluationEntity
            {
                Id = e.Id,
                PatientId = e.PatientId,
                EvaluatedAt = e.EvaluatedAt,
                KnowledgeBaseVersion = e.KnowledgeBaseVersion,
                KnowledgeBaseHash = e.KnowledgeBaseHash,
                TrialsVersion = e.TrialsVersion,
                TrialsHash = e.TrialsHash,
                ReportIds = e.ReportIds,
                PreviousEvaluationId = e.PreviousEvaluationId,
                Trigger = e.Trigger,
                Document = string.Empty,
            })
            .ToListAsync(ct);
        evaluations = [.. evaluations.OrderBy(e => e.EvaluatedAt).ThenBy(e => e.Id)];
        var ids = evaluations.Select(e => e.Id).ToList();
        var signOffs = await db.SignOffs.AsNoTracking().Where(s => ids.Contains(s.EvaluationId)).ToDictionaryAsync(s => s.EvaluationId, ct);
        var idTexts = ids.Select(i => i.ToString()).ToList();
        var actors = (await db.AuditEvents.AsNoTracking()
                .Where(a => a.PatientId == patientId && a.Action == "evaluation" && idTexts.Contains(a.EntityId))
                .Select(a => new { a.EntityId, a.Actor }).ToListAsync(ct))
            .GroupBy(a => Guid.Parse(a.EntityId)).ToDictionary(g => g.Key, g => g.First().Actor);
        var since = evaluations.Count > 0 ? evaluations[0].EvaluatedAt : DateTimeOffset.MaxValue;
        var armChanges = await db.ArmStatusChanges.AsNoTracking().Where(c => c.ChangedAt > since).OrderBy(c => c.Id).ToListAsync(ct);
        return new EvaluationHistory(evaluations, latestEvaluationId, signOffs, actors, armChanges);
    }

    /// <summary>Why <paramref name="evaluation"/> was made, relative to the evaluation before it.</summary>
    public EvaluationCauseDto CauseOf(EvaluationEntity evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var index = Evaluations.ToList().FindIndex(e => e.Id == evaluation.Id);
        var previous = Evaluations.FirstOrDefault(e => e.Id == evaluation.PreviousEvaluationId) ?? (index > 0 ? Evaluations[index - 1] : null);
        return EvaluationCauses.For(evaluation, previous, _actors.GetValueOrDefault(evaluation.Id, "system"), _armChanges);
    }

    /// <summary>The causes of every evaluation after the signed-off record up to the pending one, oldest first.</summary>
    public IReadOnlyList<EvaluationCauseDto> CausesSinceSignOff() =>
        Pending is null
            ? []
            : Evaluations.Where(e => (SignedOff is null || Newer(e, SignedOff)) && !Newer(e, Pending)).Select(CauseOf).ToList();

    public string StateOf(EvaluationEntity evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return evaluation.Id == SignedOff?.Id ? "signedOff"
: evaluation.Id == Pending?.Id ? "pending"
: _signOffs.ContainsKey(evaluation.Id) ? "supersededSignedOff"
: "superseded";
    }

    private static bool Newer(EvaluationEntity a, EvaluationEntity b) => a.EvaluatedAt > b.EvaluatedAt || (a.EvaluatedAt == b.EvaluatedAt && a.Id.CompareTo(b.Id) > 0);
}
