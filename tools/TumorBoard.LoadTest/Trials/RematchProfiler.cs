using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.Features.Recommendations;
using TumorBoard.Api.Features.Rematch;
using TumorBoard.Api.Features.Subscriptions;
using TumorBoard.Api.ReadModels;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Queries;

namespace TumorBoard.LoadTest.Trials;

/// <summary>
/// Time and this process's CPU time per stage of the re-match, summed over the profiled batches, and the patients those
/// batches held. The CPU time (getrusage, so microseconds) is what compares on a shared machine, where wall time is
/// stretched by everyone else's work; it includes this process's background threads (GC, tiered JIT) during the stage.
/// </summary>
public sealed record RematchStages(int Patients, IReadOnlyList<(string Stage, TimeSpan Time, TimeSpan Cpu, int Patients)> Stages);

/// <summary>
/// Replays the steps of Rematcher's batch (same calls, same order) with a stopwatch around each, inside a
/// transaction that is rolled back, to show where a re-match spends its time. Stages 1-4 are the evaluating stage
/// (building the rows, JSON included, happens there), 5-9 the writing stage; the two overlap in the Rematcher.
/// </summary>
public static class RematchProfiler
{
    public static async Task<RematchStages> ProfileAsync(IServiceProvider services, int batchSize, int batches, CancellationToken ct)
    {
        var knowledge = services.GetRequiredService<Knowledge>();
        var times = new Dictionary<string, (TimeSpan Time, TimeSpan Cpu, int Patients)>();
        var clock = new Stopwatch();
        var cpuAtStart = TimeSpan.Zero;
        var inBatch = 0;
        void Restart()
        {
            cpuAtStart = Environment.CpuUsage.TotalTime;
            clock.Restart();
        }

        void Lap(string stage)
        {
            var (time, cpu, count) = times.GetValueOrDefault(stage);
            times[stage] = (time + clock.Elapsed, cpu + (Environment.CpuUsage.TotalTime - cpuAtStart), count + inBatch);
            Restart();
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TumorBoardDbContext>();
        var trials = await scope.ServiceProvider.GetRequiredService<TrialContextProvider>().GetAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var after = Guid.Empty;
        var patients = 0;
        for (var batch = 0; batch < batches; batch++)
        {
            Restart();
            // The Rematcher's stale-patient query, with a hash no evaluation has, so every patient qualifies.
            var ids = await db.Database.SqlQuery<Guid>($"""
                SELECT p.id AS "Value" FROM patients p
                LEFT JOIN evaluations e ON e.id = p.latest_evaluation_id
                WHERE p.id > {after}
                  AND (e.id IS NULL OR e.knowledge_base_hash <> {"profiling"} OR e.trials_hash <> {"profiling"})
                  AND EXISTS (SELECT 1 FROM reports r WHERE r.patient_id = p.id)
                ORDER BY p.id
                LIMIT {batchSize}
                """).ToListAsync(ct);
            inBatch = ids.Count;
            Lap("1. find stale patients (keyset query)");
            if (ids.Count == 0)
            {
                break;
            }

            var snapshots = await RematchSnapshots.LoadAsync(db, ids, ct);
            Lap("2. load snapshots (patients, therapies, markers, reports, specimens, alterations)");
            var now = DateTimeOffset.UtcNow;
            var evaluations = snapshots.Select(s => EvaluationBuilder.Build(knowledge, s, trials, now, "rematch")).ToList();
            Lap("3. evaluate (rules engine, pair comparison, trial engine)");
            var rows = evaluations.ConvertAll(e => EvaluationWriter.Rows(e, now, "system"));
            Lap("4. build the rows: JSON documents and payloads, entities, audit rows (evaluating stage)");
            await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM patients WHERE id = ANY({ids}) FOR UPDATE").ToListAsync(ct);
            Lap("5. lock the batch's patient rows (SELECT ... FOR UPDATE, to skip patients re-evaluated meanwhile)");
            await db.Database.ClearLatestAsync<PreviousArmStatus>(ids, ct);
            Lap("6. DELETE the batch's latest trial rows (narrow table) RETURNING the previous arms and their recorded arm status");
            await RematchRowWriter.CopyAsync(db, rows, ct);
            Lap("7. RematchRowWriter: evaluations, recommendations, latest trial rows, audit rows by binary COPY");
            var patientIds = evaluations.Select(e => e.PatientId).ToArray();
            var evaluationIds = evaluations.Select(e => e.EvaluationId).ToArray();
            await db.Database.ExecuteSqlAsync($"""
                UPDATE patients p SET latest_evaluation_id = u.evaluation_id
                FROM unnest({patientIds}, {evaluationIds}) AS u(patient_id, evaluation_id)
                WHERE p.id = u.patient_id
                """, ct);
            Lap("8. UPDATE patients SET latest_evaluation_id");
            db.ChangeTracker.Clear();
            patients += ids.Count;
            after = ids[^1];
        }

        await transaction.RollbackAsync(ct);
        return new RematchStages(patients, times.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (t.Key, t.Value.Time, t.Value.Cpu, t.Value.Patients)).ToList());
    }
}
