using Microsoft.EntityFrameworkCore;
using Npgsql;
using TumorBoard.Api.Features.Audit;
using TumorBoard.Api.Features.Recommendations;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Core.Ingestion;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Api.Features.Ingestion;

/// <summary>
/// Stores a parsed bundle in one transaction: patient, reports (new, unchanged, or replaced with
/// history), specimens, conditions, prior therapies, alterations, and a new evaluation. Concurrent
/// posts for the same patient are serialised by a PostgreSQL advisory lock on the patient's
/// identifiers, so twenty identical posts store one report. Any failure rolls everything back.
/// </summary>
public sealed class BundleStore(TumorBoardDbContext db, IPatientEvaluator evaluator, AuditLog audit, TimeProvider clock, ILogger<BundleStore> logger)
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
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAsync(patient.Identifiers.Select(i => "patient:" + i).Concat(bundle.Reports.Select(r => "report:" + r.Identifier)), cancellationToken);

        var existing = await FindPatientsAsync(patient, cancellationToken);
        if (existing.Count > 1)
        {
            return new IngestOutcome.Conflict([new IngestIssue(IssueSeverity.Error, "conflict",
                "The Patient's identifiers belong to different stored patients; the bundle cannot be paired unambiguously.", "Bundle.entry.resource.ofType(Patient).identifier")]);
        }

        var now = clock.GetUtcNow();
        var patientEntity = existing.Count == 1 ? existing[0] : NewPatient(patient, now);
        var plan = await PlanReportsAsync(bundle, patientEntity.Id, cancellationToken);
        if (plan.Conflicts.Count > 0)
        {
            return new IngestOutcome.Conflict(plan.Conflicts);
        }

        var warnings = bundle.Issues.Where(i => i.Severity is IssueSeverity.Warning).Select(FormatWarning).ToList();
        if (plan.Changes.Count == 0)
        {
            logger.LogInformation("Bundle for patient {PatientId} repeated {ReportCount} stored reports; nothing written", patientEntity.Id, plan.ReportIds.Count);
            audit.Record("ingestion-unchanged", "patient", patientEntity.Id.ToString(), patientEntity.Id, new { reportIds = plan.ReportIds });
            await db.SaveChangesAsync(cancellationToken);
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
        var reportIds = ReportWriter.Write(db, plan, patientEntity.Id, bundleEntity.Id, warnings, now);
        audit.Record("ingestion", "bundle", bundleEntity.Id.ToString(), patientEntity.Id, new
        {
            reportIds,
            replaced = plan.Changes.Count(c => c.Replaces is not null),
            warnings = warnings.Count,
        });
        await db.SaveChangesAsync(cancellationToken);

        var evaluationId = await evaluator.EvaluateAsync(patientEntity.Id, "ingestion", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Stored bundle {BundleId} for patient {PatientId}: {Changed} new or replaced reports, evaluation {EvaluationId}",
            bundleEntity.Id, patientEntity.Id, plan.Changes.Count, evaluationId);
        return new IngestOutcome.Stored(patientEntity.Id, reportIds, evaluationId, warnings);
    }

    private static string FormatWarning(IngestIssue issue) =>
        issue.Expression is null ? issue.Diagnostics : $"{issue.Diagnostics} ({issue.Expression})";

    private async Task LockAsync(IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        // Sorted so two transactions never take the same locks in opposite orders.
        foreach (var key in keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);
        }
    }

    private async Task<List<PatientEntity>> FindPatientsAsync(ParsedPatient patient, CancellationToken cancellationToken)
    {
        var systems = patient.Identifiers.Select(i => i.System).ToList();
        var values = patient.Identifiers.Select(i => i.Value).ToList();
        var candidates = await db.PatientIdentifiers
            .Where(i => systems.Contains(i.System) && values.Contains(i.Value))
            .ToListAsync(cancellationToken);
        var patientIds = candidates
            .Where(c => patient.Identifiers.Any(i => i.System == c.System && i.Value == c.Value))
            .Select(c => c.PatientId)
            .Distinct()
            .ToList();
        return await db.Patients.Include(p => p.Identifiers).Include(p => p.Conditions).Include(p => p.PriorTherapies).Include(p => p.ClinicalMarkers)
            .Include(p => p.DiseaseStatuses)
            .Where(p => patientIds.Contains(p.Id))
            .ToListAsync(cancellationToken);
    }

    private static PatientEntity NewPatient(ParsedPatient patient, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        CreatedAt = now,
        UpdatedAt = now,
    };

    private async Task<ReportPlan> PlanReportsAsync(ParsedBundle bundle, Guid patientId, CancellationToken cancellationToken)
    {
        var plan = new ReportPlan();
        for (var index = 0; index < bundle.Reports.Count; index++)
        {
            var report = bundle.Reports[index];
            var stored = await db.Reports.SingleOrDefaultAsync(
                r => r.IdentifierSystem == report.Identifier.System && r.IdentifierValue == report.Identifier.Value, cancellationToken);
            if (stored is null)
            {
                plan.Add(report, null);
            }
            else if (stored.PatientId != patientId)
            {
                plan.Conflicts.Add(new IngestIssue(IssueSeverity.Error, "conflict",
                    $"Report identifier {report.Identifier} is already stored for another patient.", ReportExpression(index)));
            }
            else if (stored.ContentHash == report.ContentHash)
            {
                plan.ReportIds.Add(stored.Id);
            }
            else if (ReportReplacementPolicy.MayReplace(stored.Status, report.Status))
            {
                plan.Add(report, stored);
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
