using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using TumorBoard.Api.Features.Recommendations;
using TumorBoard.Api.ReadModels;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Copy;

namespace TumorBoard.Api.Features.Rematch;

/// <summary>An evaluation of a re-match batch with the rows it adds, built in the evaluating stage.</summary>
public sealed record PreparedEvaluation(EvaluationDocument Document, EvaluationRows Rows);

/// <summary>
/// Writes the rows of a re-match batch (evaluations, their recommendations and latest trial rows, audit events) with
/// PostgreSQL binary COPY (<see cref="EntityCopy"/>), inside the batch's transaction: the rows EF would have inserted,
/// built ahead by <see cref="EvaluationWriter.Rows"/> in the evaluating stage, so the writing stage only copies them (no JSON, no
/// change tracking). For a full re-match of 100,000 patients COPY takes about a third of what SaveChanges took
/// (docs/performance.md).
/// </summary>
public static class RematchRowWriter
{
    public static async Task CopyAsync(TumorBoardDbContext db, IReadOnlyCollection<EvaluationRows> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        // Foreign-key order: recommendations reference evaluations.
        await CopyAsync(db, connection, rows.Select(r => r.Evaluation).ToList(), ct);
        await CopyAsync(db, connection, rows.SelectMany(r => r.Recommendations).ToList(), ct);
        await CopyAsync(db, connection, rows.SelectMany(r => r.Latest).ToList(), ct);
        await CopyAsync(db, connection, rows.SelectMany(r => r.Audit).ToList(), ct);
    }

    private static async Task CopyAsync<TEntity>(TumorBoardDbContext db, NpgsqlConnection connection, List<TEntity> rows, CancellationToken ct)
        where TEntity : class
    {
        if (rows.Count > 0)
        {
            var entity = db.Model.FindEntityType(typeof(TEntity))!;
            await EntityCopy.WriteAsync(connection, entity, rows, Read, ct);
        }
    }

    private static object? Read<TEntity>(TEntity row, IProperty property)
        where TEntity : class => property.GetGetter().GetClrValueUsingContainingEntity(row);
}
