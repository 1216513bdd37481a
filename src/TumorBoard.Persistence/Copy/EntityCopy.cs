using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using TumorBoard.Persistence.Mapping;

namespace TumorBoard.Persistence.Copy;

/// <summary>
/// Binary COPY of rows into an entity's table, column by column as the EF model maps them (names, store types,
/// value converters such as the UTC conversion of timestamps), so copied rows read back exactly like rows EF
/// inserted. Identity columns are left to the database, as on INSERT through EF; insert triggers fire as for
/// INSERT. Used by the re-match writer and the load tool's cohort loader.
/// </summary>
public static class EntityCopy
{
    /// <summary>Copies <paramref name="rows"/>; <paramref name="valueOf"/> reads a mapped property of one row.</summary>
    public static async Task<int> WriteAsync<TRow>(
        NpgsqlConnection connection, IEntityType entity, IReadOnlyCollection<TRow> rows, Func<TRow, IProperty, object?> valueOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(valueOf);

        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => p.GetValueGenerationStrategy() == NpgsqlValueGenerationStrategy.None)
            .Select(p => (Property: p, Name: p.GetColumnName(table)!, StoreType: StoreTypes.BaseTypeOf(p), p.GetTypeMapping().Converter))
            .ToList();
        var command = $"COPY \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(command, ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            foreach (var (property, _, storeType, converter) in columns)
            {
                var value = valueOf(row, property);
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
        return rows.Count;
    }
}
