using Microsoft.EntityFrameworkCore;
using Npgsql;
using TumorBoard.Api.Features.Audit;
using TumorBoard.Api.Features.Recommendations;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.ReadModels;
using TumorBoard.Core.Ingestion;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Entities;
using TumorBoard.Persistence.Writing;

namespace TumorBoard.Api.Features.Ingestion;

/// <summary>
/// Stores a parsed bundle in one transaction: patient, reports (new, unchanged, or replaced with
/// history), specimens, conditions, prior therapies, alterations, and a new evaluation. Concurrent
/// posts for the same patient are serialised by PostgreSQL advisory locks on the patient's and the
/// reports' identifiers, so twenty identical posts store one report. Any failure rolls everything back.
/// </summary>
/// <remarks>
/// The request takes its locks and reads what it needs in one round trip (<see cref="IngestionReads"/>; a returning
/// patient's state through EF, one query per collection), applies the bundle to those tracked entities, evaluates the result in memory and
/// writes every row in one more (<see cref="TrackedChangesWriter"/>), then commits: a new patient's bundle waits for
/// PostgreSQL three times. See docs/performance.md, "Ingestion path, issue 12" and its sessions 4 and 5.
/// </remarks>
public sealed class BundleStore(
    TumorBoardDbContext db, PatientEvaluator evaluator, TrialContextProvider trials, AuditLog audit, TimeProvider clock, ILogger<BundleStore> logger)
{
    /// <summary>
    /// Stores the bundle, retrying the whole transaction on a transient database failure (connection
    /// lost, server restarting). Retrying is safe because a store is idempotent by design: an attempt
    /// that failed rolled back, and one whose COMMIT went through although its answer was lost is found
    /// by the retry as the same content (unchanged, 200), never stored twice.
    /// </summary>
    public async Task<IngestOutcome> StoreAsync(ParsedBundle bundle, RawBundle raw, string? actor, CancellationToken cancellationToken)
    {
        var strategy = DatabaseResilience.IngestStrategy(db);
        return await strategy.ExecuteAsync(
            (bundle, raw, actor),
            async (_, state, ct) =>
            {
                // A failed attempt's entities must not be saved again by the next one.
                db.ChangeTracker.Clear();
                return await StoreOnceAsync(state.bundle, state.raw, state.actor, ct);
            },
            verifySucceeded: null,
            cancellationToken);
    }

    private async Task<IngestOutcome> StoreOnceAsync(ParsedBundle bundle, RawBundle raw, string? actor, CancellationToken cancellationToken)
    {
        var patient = bundle.Patient ?? throw new ArgumentException("A bundle without a patient cannot be stored.", nameof(bundle));
        // Tags are counts only: no identifier of the patient or the reports.
        using var span = IngestionTelemetry.Stage("ingest.store")?.SetTag("tumorboard.reports", bundle.Reports.Count);
        var readSpan = IngestionTelemetry.Stage("store.lock-and-read");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Locks, identifier and report look-ups and trial state in one round trip (see IngestionReads on why it stays correct).
        var reads = await IngestionReads.LockAndReadAsync(db, bundle, cancellationToken);
        var existing = reads.PatientIds(patient.Identifiers);
        if (existing.Count > 1)
        {
            return new IngestOutcome.Conflict([new IngestIssue(IssueSeverity.Error, "conflict",
                "The Patient's identifiers belong to different stored patients; the bundle cannot be paired unambiguously.", "Bundle.entry.resource.ofType(Patient).identifier")]);
        }

        var now = clock.GetUtcNow();
        var patientEntity = existing.Count == 1 ? await PatientState.LoadAsync(db, existing[0], cancellationToken) : NewPatient(now);
        var plan = PlanReports(bundle, reads, patientEntity);
        readSpan?.Dispose();
        if (plan.Conflicts.Count > 0)
        {
            return new IngestOutcome.Conflict(plan.Conflicts);
        }

        var warnings = bundle.Issues.Where(i => i.Severity is IssueSeverity.Warning).Select(FormatWarning).ToList();
        if (plan.Changes.Count == 0)
        {
            logger.BundleUnchanged(patientEntity.Id, plan.ReportIds.Count);
            audit.Record("ingestion-unchanged", "patient", patientEntity.Id.ToString(), patientEntity.Id, new { reportIds = plan.ReportIds });
            await TrackedChangesWriter.SaveAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new IngestOutcome.Unchanged(patientEntity.Id, plan.ReportIds, patientEntity.LatestEvaluationId, warnings);
        }

        if (existing.Count == 0)
        {
            db.Patients.Add(patientEntity);
        }

        var bundleEntity = new IngestedBundleEntity
        {
            Id = Guid.CreateVersion7(),
            PatientId = patientEntity.Id,
            ReceivedAt = now,
            ContentType = raw.ContentType,
            Sha256 = raw.Sha256,
            RawBody = raw.Body,
            Actor = actor,
            Warnings = warnings,
        };
        db.IngestedBundles.Add(bundleEntity);
        PatientFacts.Apply(patientEntity, bundle, now);
        var reportIds = ReportWriter.Write(db, plan, patientEntity, bundleEntity.Id, warnings, now);
        audit.Record("ingestion", "bundle", bundleEntity.Id.ToString(), patientEntity.Id, new
        {
            reportIds,
            replaced = plan.Changes.Count(c => c.Replaces is not null),
            warnings = warnings.Count,
        });

        EvaluationDocument evaluation;
        using (IngestionTelemetry.Stage("ingest.evaluate"))
        {
            // The patient's state as it will be once saved: what was stored plus this bundle, without reading it back.
            var trialContext = await trials.FromStateAsync(reads.TrialState, cancellationToken);
            evaluation = await evaluator.AddEvaluationAsync(PatientSnapshotLoader.FromPatient(patientEntity), "ingestion", trialContext, cancellationToken);
        }

        patientEntity.LatestEvaluationId = evaluation.EvaluationId;
        using (IngestionTelemetry.Stage("store.save"))
        {
            await TrackedChangesWriter.SaveAsync(db, cancellationToken);
        }

        using (IngestionTelemetry.Stage("ingest.commit"))
        {
            await transaction.CommitAsync(cancellationToken);
        }

        // The one line per ingestion (the evaluator leaves logging to its caller): identifiers and counts, no PHI.
        logger.BundleStored(bundleEntity.Id, patientEntity.Id, plan.Changes.Count, evaluation.EvaluationId,
            evaluation.Therapies.Count, evaluation.Trials.Count, evaluation.KnowledgeBase.Version);
        return new IngestOutcome.Stored(patientEntity.Id, reportIds, evaluation.EvaluationId, warnings);
    }

    private static string FormatWarning(IngestIssue issue) =>
        issue.Expression is null ? issue.Diagnostics : $"{issue.Diagnostics} ({issue.Expression})";

    private static PatientEntity NewPatient(DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Decides per report: new, unchanged, replacing, or a conflict, from the stored reports read with the locks.</summary>
    private static ReportPlan PlanReports(ParsedBundle bundle, IngestionReads reads, PatientEntity patient)
    {
        var plan = new ReportPlan();
        for (var index = 0; index < bundle.Reports.Count; index++)
        {
            var report = bundle.Reports[index];
            var stored = reads.Report(report.Identifier);
            if (stored is null)
            {
                plan.Add(report, null);
            }
            else if (stored.PatientId != patient.Id)
            {
                plan.Conflicts.Add(new IngestIssue(IssueSeverity.Error, "conflict",
                    $"Report identifier {report.Identifier} is already stored for another patient.", ReportExpression(index)));
            }
            else if (ReportContentMatch.IsSame(stored, report))
            {
                plan.ReportIds.Add(stored.Id);
            }
            else if (ReportReplacementPolicy.MayReplace(stored.Status, report.Status))
            {
                // The patient's state was read with every stored report of the patient (PatientState), tracked: this one is among them.
                plan.Add(report, patient.Reports.Single(r => r.Id == stored.Id));
            }
            else
            {
                plan.Conflicts.Add(new IngestIssue(IssueSeverity.Error, "conflict",
                    $"Report {report.Identifier} is already stored as '{stored.Status}' with different content; send it as 'amended' or 'corrected' to replace it.",
                    ReportExpression(index)));
            }
        }

        return plan;
    }

    private static string ReportExpression(int index) =>
        $"Bundle.entry.resource.ofType(DiagnosticReport)[{index}].identifier";

    /// <summary>True when the exception is PostgreSQL's unique violation (a race the advisory lock did not cover).</summary>
    public static bool IsUniqueViolation(Exception exception) =>
        exception is DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } }
            or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
