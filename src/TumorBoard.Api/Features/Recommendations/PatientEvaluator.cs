using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TumorBoard.Api.Features.Audit;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.Features.Subscriptions;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.ReadModels;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Queries;

namespace TumorBoard.Api.Features.Recommendations;

/// <summary>
/// Evaluates one stored patient with the knowledge loaded now and stores the new, immutable evaluation
/// (inside the caller's transaction), making it the patient's latest.
/// </summary>
public sealed class PatientEvaluator(
    TumorBoardDbContext db, Knowledge knowledge, TrialContextProvider trials, AuditLog audit, TimeProvider clock, OutboxWriter outbox,
    IOptionsMonitor<SubscriptionOptions> subscriptions, ILogger<PatientEvaluator> logger)
{
    /// <summary>Reads the stored patient, evaluates and saves inside the caller's transaction; returns the new evaluation id.</summary>
    public async Task<Guid> EvaluateAsync(Guid patientId, string trigger, CancellationToken cancellationToken)
    {
        var snapshot = await PatientSnapshotLoader.LoadAsync(db, patientId, cancellationToken)
            ?? throw new InvalidOperationException($"Patient {patientId} does not exist.");
        var evaluation = await AddEvaluationAsync(snapshot, trigger, cancellationToken);
        var patient = await db.Patients.FindAsync([patientId], cancellationToken);
        patient!.LatestEvaluationId = evaluation.EvaluationId;
        await db.SaveChangesAsync(cancellationToken);
        logger.PatientEvaluated(patientId, evaluation.EvaluationId, evaluation.Therapies.Count, evaluation.Trials.Count, knowledge.Rules.Version);
        return evaluation.EvaluationId;
    }

    /// <summary>
    /// Evaluates a patient state the caller already holds (ingestion: the stored state plus the bundle, not saved yet),
    /// deletes the patient's previous latest trial rows and adds the evaluation, its recommendation rows (with their latest
    /// trial rows) and audit row to the context. The caller sets the patient's latest evaluation, saves, and logs
    /// (ingestion logs one line per bundle).
    /// </summary>
    public async Task<EvaluationDocument> AddEvaluationAsync(PatientSnapshot snapshot, string trigger, CancellationToken cancellationToken) =>
        await AddEvaluationAsync(snapshot, trigger, await trials.GetAsync(cancellationToken), cancellationToken);

    /// <summary>The same with the trial state the caller has already read (ingestion reads it in its one batch before writing).</summary>
    public async Task<EvaluationDocument> AddEvaluationAsync(PatientSnapshot snapshot, string trigger, TrialContext trialContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(trialContext);
        EvaluationDocument evaluation;
        using (TumorBoardTelemetry.Source.StartActivity("evaluate.build"))
        {
            evaluation = EvaluationBuilder.Build(knowledge, snapshot, trialContext, clock.GetUtcNow(), trigger);
        }

        var patientId = snapshot.Patient.Id;
        List<PreviousArmStatus> previous = [];
        if (snapshot.Patient.LatestEvaluationId is not null)
        {
            // A patient never evaluated has no recommendation rows: no statement needed. The cleared rows' arms
            // are what the subscriptions' "newly listed" compares with.
            previous = await db.Database.ClearLatestAsync<PreviousArmStatus>([patientId], cancellationToken);
        }

        using (TumorBoardTelemetry.Source.StartActivity("evaluate.add-rows"))
        {
            EvaluationWriter.Add(db, evaluation, audit);
            // Events for new matches and new progression commit (or roll back) with the evaluation: the transactional outbox.
            var baseUrl = subscriptions.CurrentValue.PublicBaseUrl;
            List<OutboxEvent> events = [.. ArmMatchEvents.For(evaluation, previous, baseUrl)];
            if (evaluation.MolecularProgression.Count > 0)
            {
                events.AddRange(ProgressionEvents.For(evaluation, await PreviousReportIdsAsync(snapshot.Patient.LatestEvaluationId, cancellationToken), baseUrl));
            }

            await outbox.AddAsync(db, events, cancellationToken);
        }

        return evaluation;
    }

    /// <summary>The reports the previous evaluation rested on (null: none), read only when progression is flagged.</summary>
    private async Task<List<Guid>?> PreviousReportIdsAsync(Guid? previousEvaluationId, CancellationToken cancellationToken) =>
        previousEvaluationId is not { } id
            ? null
            : await db.Evaluations.AsNoTracking().Where(e => e.Id == id).Select(e => e.ReportIds).SingleOrDefaultAsync(cancellationToken);
}
