using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace TumorBoard.Persistence.Writing;

/// <summary>
/// Writes a context's pending changes as one Npgsql batch of plain statements (multi-row INSERTs of each table's added rows,
/// an UPDATE of the changed columns per modified row, a DELETE per deleted row), in the caller's transaction, with every column mapped as
/// EF maps it (<see cref="TableMap"/>). What the change tracker holds is exactly what <c>SaveChanges</c> would write; only
/// the way there is shorter: EF's update pipeline (command building, SQL generation and parameter creation per row, its
/// result propagation) was about a tenth of the service's CPU per ingested bundle for some thirty rows
/// (docs/performance.md, "Ingestion path, issue 12, session 5").
/// </summary>
/// <remarks>
/// Order within the batch: deletions first (only of rows no table references, see below), then insertions with every
/// principal before its dependents (the model's foreign keys, ranked once per model), then updates (which may point at
/// a row inserted just before). Anything outside that simple shape falls back to <c>SaveChanges</c>, which orders it
/// itself: an entity type with inheritance, owned or shared tables, a composite key, a generated value other than an
/// identity key, a concurrency token, a self-reference or a cycle; a deletion of a row other tables may reference; an
/// update of a column under a unique index (freeing and taking a unique value needs EF's ordering). Identity keys come
/// back through <c>RETURNING</c> and are set on the entities, and on success the changes are accepted, as
/// <c>SaveChanges</c> does. An UPDATE or DELETE that finds no row throws <see cref="DbUpdateConcurrencyException"/>.
/// </remarks>
public static class TrackedChangesWriter
{
    private static readonly ConcurrentDictionary<IModel, ModelPlan> Plans = new(ReferenceEqualityComparer.Instance);

    /// <summary>Writes the pending changes; the context must have a transaction open (the caller commits).</summary>
    /// <returns>The number of rows written.</returns>
    public static async Task<int> SaveAsync(DbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction
            ?? throw new InvalidOperationException("The tracked changes are written in the caller's open transaction.");
        // Entries() detects changes first, as SaveChanges does.
        var plan = Plans.GetOrAdd(db.Model, static model => new ModelPlan(model));
        var entries = new List<EntityEntry>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                if (!plan.CanWrite(entry))
                {
                    return await SaveWithEfAsync(db, ct);
                }

                entries.Add(entry);
            }
        }

        if (entries.Count == 0)
        {
            return 0;
        }

        var statements = new List<(NpgsqlBatchCommand Command, EntityEntry? Entry, StatementKind Kind)>(entries.Count);
        foreach (var entry in entries.Where(e => e.State == EntityState.Deleted))
        {
            statements.Add((plan.Map(entry.Metadata).Delete(entry), entry, StatementKind.Delete));
        }

        // A table's rows together (multi-row INSERTs); types of one rank reference none of each other, so their order is free.
        foreach (var table in entries.Where(e => e.State == EntityState.Added).GroupBy(e => e.Metadata).OrderBy(g => plan.Rank(g.Key)))
        {
            var map = plan.Map(table.Key);
            var rows = table.ToList();
            var row = 0;
            foreach (var insert in map.Insert(rows))
            {
                statements.Add(map.HasIdentityKey ? (insert, rows[row++], StatementKind.InsertReturningKey) : (insert, null, StatementKind.Insert));
            }
        }

        foreach (var entry in entries.Where(e => e.State == EntityState.Modified))
        {
            statements.Add((plan.Map(entry.Metadata).Update(entry), entry, StatementKind.Update));
        }

        await using var batch = new NpgsqlBatch(transaction.Connection, transaction);
        foreach (var statement in statements)
        {
            batch.BatchCommands.Add(statement.Command);
        }

        var returning = new Queue<EntityEntry>(statements.Where(s => s.Kind == StatementKind.InsertReturningKey).Select(s => s.Entry!));
        var generated = new List<(EntityEntry Entry, object Key)>(returning.Count);
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            // Only the RETURNING statements have columns; whether the reader stops at the others or not, they are skipped here.
            do
            {
                if (reader.FieldCount > 0 && await reader.ReadAsync(ct))
                {
                    generated.Add((returning.Dequeue(), reader.GetValue(0)));
                }
            }
            while (await reader.NextResultAsync(ct));
        }

        var missing = statements.Where(s => s.Kind is StatementKind.Update or StatementKind.Delete && s.Command.RecordsAffected != 1).Select(s => s.Entry!).ToList();
        if (missing.Count > 0)
        {
            throw new DbUpdateConcurrencyException(
                $"{missing.Count} row(s) to update or delete were not found ({string.Join(", ", missing.Select(e => e.Metadata.GetTableName()).Distinct(StringComparer.Ordinal))}); "
                + "they were changed or deleted since they were read.");
        }

        foreach (var (entry, key) in generated)
        {
            var property = entry.Metadata.FindPrimaryKey()!.Properties[0];
            var converter = property.GetTypeMapping().Converter;
            entry.Property(property).CurrentValue = converter is null ? Convert.ChangeType(key, property.ClrType, System.Globalization.CultureInfo.InvariantCulture) : converter.ConvertFromProvider(key);
        }

        db.ChangeTracker.AcceptAllChanges();
        return entries.Count;
    }

    private static async Task<int> SaveWithEfAsync(DbContext db, CancellationToken ct) => await db.SaveChangesAsync(ct);

    private enum StatementKind
    {
        Insert,
        InsertReturningKey,
        Update,
        Delete,
    }
}
