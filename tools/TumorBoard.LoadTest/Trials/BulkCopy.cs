using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace TumorBoard.LoadTest.Trials;

/// <summary>
/// Binary COPY of entity rows into their table, column by column as the EF model maps them (names, store
/// types and value converters such as the UTC conversion of timestamps), so copied rows read back exactly
/// like rows EF inserted.
/// </summary>
public sealed partial class BulkCopy(IModel model)
{
    public async Task<int> WriteAsync<T>(NpgsqlConnection connection, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        // Identity columns (audit_events.id) are numbered by the database, as on INSERT through EF.
        var columns = entity.GetProperties().Where(p => p.GetValueGenerationStrategy() == NpgsqlValueGenerationStrategy.None).Select(p => new Column(
            p.GetColumnName(table)!,
            Facets().Replace(p.GetColumnType(), string.Empty),
            p.PropertyInfo ?? throw new InvalidOperationException($"{typeof(T).Name}.{p.Name} is a shadow property."),
            p.GetTypeMapping().Converter)).ToList();

        var copy = $"COPY \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            foreach (var column in columns)
            {
                var value = column.Property.GetValue(row);
                if (value is null)
                {
                    await importer.WriteNullAsync(ct);
                }
                else
                {
                    await importer.WriteAsync(column.Converter is null ? value : column.Converter.ConvertToProvider(value), column.StoreType, ct);
                }
            }
        }

        await importer.CompleteAsync(ct);
        return rows.Count;
    }

    /// <summary>Length, precision and scale: "character varying(16)" and "numeric(7,5)" are written as their base type.</summary>
    [GeneratedRegex(@"\(\d+(,\s*\d+)?\)")]
    private static partial Regex Facets();

    private sealed record Column(string Name, string StoreType, System.Reflection.PropertyInfo Property, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter);
}
