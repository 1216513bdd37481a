using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TumorBoard.LoadTest.Scenarios;
using TumorBoard.Persistence;

namespace TumorBoard.LoadTest.Trials;

/// <summary>What bulk loading stored and how long it took.</summary>
public sealed record CohortLoad(int Patients, int Reports, int Alterations, TimeSpan Elapsed);

/// <summary>Stores the synthetic cohort with binary COPY, a chunk of patients per transaction, then ANALYZEs.</summary>
public static class CohortLoader
{
    private const int ChunkSize = 5000;

    public static async Task<CohortLoad> LoadAsync(
        TumorBoardDbContext db, IReadOnlyDictionary<ClinicalProfile, IReadOnlyList<CohortTemplate>> templates, PatientCaseFactory factory, int patients, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(factory);
        var clock = Stopwatch.StartNew();
        var copy = new BulkCopy(db.Model);
        await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(ct);
        var now = DateTimeOffset.UtcNow;
        int reports = 0, alterations = 0;
        for (var start = 0; start < patients; start += ChunkSize)
        {
            var rows = new CohortRows();
            for (var i = start; i < Math.Min(patients, start + ChunkSize); i++)
            {
                var choices = templates[factory.PickProfile()];
                var template = choices[factory.Number(0, choices.Count)];
                var birth = new DateOnly(1940 + factory.Number(0, 46), 1 + factory.Number(0, 12), 1 + factory.Number(0, 28));
                CohortPatient.Add(rows, template, $"BENCH-{i:D7}", factory.Number(0, 60), 0.85m + factory.Number(0, 31) / 100m, birth, now);
            }

            await using var transaction = await connection.BeginTransactionAsync(ct);
            await copy.WriteAsync(connection, rows.Patients, ct);
            await copy.WriteAsync(connection, rows.Identifiers, ct);
            await copy.WriteAsync(connection, rows.Bundles, ct);
            await copy.WriteAsync(connection, rows.Specimens, ct);
            reports += await copy.WriteAsync(connection, rows.Reports, ct);
            alterations += await copy.WriteAsync(connection, rows.Alterations, ct);
            await copy.WriteAsync(connection, rows.Conditions, ct);
            await copy.WriteAsync(connection, rows.Therapies, ct);
            await copy.WriteAsync(connection, rows.Markers, ct);
            await transaction.CommitAsync(ct);
            Console.Error.Write($"\rstored {Math.Min(patients, start + ChunkSize):N0} / {patients:N0} patients ({clock.Elapsed.TotalSeconds:0}s)");
        }

        Console.Error.WriteLine();
        await using var analyze = new NpgsqlCommand("ANALYZE", connection);
        analyze.CommandTimeout = 600;
        await analyze.ExecuteNonQueryAsync(ct);
        return new CohortLoad(patients, reports, alterations, clock.Elapsed);
    }
}
