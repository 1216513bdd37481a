using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;
using TumorBoard.Persistence.Mapping;

namespace TumorBoard.Persistence.Writing;

/// <summary>
/// One entity type's table as EF maps it: column names, store types (facets dropped, as <c>EntityCopy</c> writes them) and
/// value converters (the UTC conversion of timestamps), the INSERT texts made once, and the statements for its rows.
/// Parameters are positional (<c>$1</c>), so Npgsql sends the text as it is and prepares it once per connection.
/// </summary>
/// <remarks>
/// Rows of a table without an identity key go in multi-row INSERTs of 1, 2, 4, 8, 16 or 32 rows (<see cref="ChunkSizes"/>):
/// one statement's execution, plan and statement-level triggers for many rows (an ingestion's 37 one-row INSERTs were
/// about a third of PostgreSQL's work per bundle), while a table has at most six texts to keep prepared. An identity key
/// is read back per row, so those rows keep one INSERT each (the order of a multi-row <c>RETURNING</c> is not promised).
/// </remarks>
internal sealed class TableMap
{
    private readonly string _table;
    private readonly Column[] _columns;
    private readonly Column _key;
    private readonly string[] _inserts;

    private TableMap(string table, Column[] columns, Column key, bool identityKey)
    {
        _table = table;
        _columns = columns;
        _key = key;
        HasIdentityKey = identityKey;
        var names = string.Join(", ", columns.Select(c => c.Quoted));
        _inserts = identityKey
            ? [$"INSERT INTO {table} ({names}) VALUES {Rows(1, columns.Length)} RETURNING {key.Quoted}"]
            : [.. Enumerable.Range(0, MaxRowsLog2 + 1).Select(log2 => $"INSERT INTO {table} ({names}) VALUES {Rows(1 << log2, columns.Length)}")];
    }

    /// <summary>The most rows one INSERT carries (2^5): thirty-odd columns of 32 rows stay far below PostgreSQL's 65,535 parameters.</summary>
    public const int MaxRowsLog2 = 5;

    /// <summary>The key is an identity column: left out of the INSERT and read back.</summary>
    public bool HasIdentityKey { get; }

    public IProperty Key => _key.Property;

    /// <summary>The map of a type the writer can write, or null (the caller then leaves its rows to <c>SaveChanges</c>).</summary>
    public static TableMap? For(IEntityType type)
    {
        if (PlainTables.Of(type) is not { } plain)
        {
            return null;
        }

        var (tableName, keyProperty) = plain;

        var table = StoreObjectIdentifier.Table(tableName, type.GetSchema());
        var identityKey = keyProperty.GetValueGenerationStrategy() is NpgsqlValueGenerationStrategy.IdentityAlwaysColumn
            or NpgsqlValueGenerationStrategy.IdentityByDefaultColumn or NpgsqlValueGenerationStrategy.SerialColumn;
        var columns = new List<Column>();
        Column? key = null;
        foreach (var property in type.GetProperties())
        {
            if (property.IsConcurrencyToken || property.GetComputedColumnSql() is not null || property.GetDefaultValueSql() is not null
                || property.TryGetDefaultValue(out _) || property.GetColumnName(table) is not { } name)
            {
                return null;
            }

            var isKey = property == keyProperty;
            if (property.ValueGenerated != ValueGenerated.Never && !isKey)
            {
                return null;
            }

            if (isKey && !identityKey && property.GetValueGenerationStrategy() != NpgsqlValueGenerationStrategy.None)
            {
                // A sequence or hi-lo key: EF fetches its values; not done here.
                return null;
            }

            var column = new Column(property, PlainTables.Quote(name), StoreTypes.BaseTypeOf(property), property.GetTypeMapping().Converter);
            if (isKey)
            {
                key = column;
            }

            if (!(isKey && identityKey))
            {
                columns.Add(column);
            }
        }

        return new TableMap(PlainTables.QualifiedName(type, tableName), [.. columns], key!, identityKey);
    }

    /// <summary>
    /// How many rows each INSERT of <paramref name="count"/> rows carries: powers of two, largest first, at most
    /// 2^<see cref="MaxRowsLog2"/> (37 rows: 32, 4, 1).
    /// </summary>
    public static IEnumerable<int> ChunkSizes(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        while (count > 0)
        {
            var size = Math.Min(1 << MaxRowsLog2, 1 << (31 - int.LeadingZeroCount(count)));
            yield return size;
            count -= size;
        }
    }

    /// <summary>The INSERTs of these rows (all of this table), in their order: multi-row ones, or one per row for an identity key.</summary>
    public IEnumerable<NpgsqlBatchCommand> Insert(IReadOnlyList<EntityEntry> rows)
    {
        var next = 0;
        foreach (var size in HasIdentityKey ? Enumerable.Repeat(1, rows.Count) : ChunkSizes(rows.Count))
        {
            var command = new NpgsqlBatchCommand(_inserts[int.Log2(size)]);
            for (var row = next; row < next + size; row++)
            {
                var values = rows[row].CurrentValues;
                foreach (var column in _columns)
                {
                    command.Parameters.Add(column.Parameter(values[column.Property]));
                }
            }

            next += size;
            yield return command;
        }
    }

    /// <summary>The columns EF marks as modified, and only those, as <c>SaveChanges</c> writes them.</summary>
    public NpgsqlBatchCommand Update(EntityEntry entry)
    {
        var values = entry.CurrentValues;
        var sql = new StringBuilder("UPDATE ").Append(_table).Append(" SET ");
        var command = new NpgsqlBatchCommand();
        foreach (var column in _columns)
        {
            if (column.Property != _key.Property && entry.Property(column.Property).IsModified)
            {
                command.Parameters.Add(column.Parameter(values[column.Property]));
                sql.Append(command.Parameters.Count == 1 ? string.Empty : ", ").Append(column.Quoted).Append(" = $")
                    .Append(command.Parameters.Count.ToString(CultureInfo.InvariantCulture));
            }
        }

        command.Parameters.Add(_key.Parameter(entry.OriginalValues[_key.Property]));
        command.CommandText = sql.Append(" WHERE ").Append(_key.Quoted).Append(" = $")
            .Append(command.Parameters.Count.ToString(CultureInfo.InvariantCulture)).ToString();
        return command;
    }

    public NpgsqlBatchCommand Delete(EntityEntry entry)
    {
        var command = new NpgsqlBatchCommand($"DELETE FROM {_table} WHERE {_key.Quoted} = $1");
        command.Parameters.Add(_key.Parameter(entry.OriginalValues[_key.Property]));
        return command;
    }

    /// <summary><c>($1, $2), ($3, $4)</c> for two rows of two columns.</summary>
    private static string Rows(int rows, int columns)
    {
        var text = new StringBuilder();
        for (var row = 0; row < rows; row++)
        {
            text.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < columns; column++)
            {
                text.Append(column == 0 ? "$" : ", $").Append((row * columns + column + 1).ToString(CultureInfo.InvariantCulture));
            }

            text.Append(')');
        }

        return text.ToString();
    }

    /// <summary>True when a modified column is under a unique index: freeing and taking a unique value needs EF's ordering.</summary>
    public bool ChangesUniqueColumn(EntityEntry entry) => _columns.Any(c =>
        entry.Property(c.Property).IsModified && (c.Property.IsKey() || c.Property.GetContainingIndexes().Any(i => i.IsUnique)));

    private sealed record Column(IProperty Property, string Quoted, string StoreType, ValueConverter? Converter)
    {
        /// <summary>
        /// The store type as Npgsql's enum, worked out once: given as a name, Npgsql parses and normalises it for every
        /// parameter it binds (about 2% of the service's allocations under load, docs/performance.md, issue 12 session 7).
        /// Unknown when the enum has no member for it; the name is given then.
        /// </summary>
        private readonly NpgsqlDbType _type = new NpgsqlParameter { DataTypeName = StoreType }.NpgsqlDbType;

        public NpgsqlParameter Parameter(object? value)
        {
            var parameter = new NpgsqlParameter
            {
                Value = value is null ? DBNull.Value : Converter is null ? value : Converter.ConvertToProvider(value) ?? DBNull.Value,
            };
            if (_type == NpgsqlDbType.Unknown)
            {
                parameter.DataTypeName = StoreType;
            }
            else
            {
                parameter.NpgsqlDbType = _type;
            }

            return parameter;
        }
    }
}
