using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using TumorBoard.Persistence.Mapping;

namespace TumorBoard.Persistence.Writing;

/// <summary>
/// One entity type's table as EF maps it: column names, store types (facets dropped, as <c>EntityCopy</c> writes them) and
/// value converters (the UTC conversion of timestamps), the INSERT text made once, and the statements for one row.
/// Parameters are positional (<c>$1</c>), so Npgsql sends the text as it is and prepares it once per connection.
/// </summary>
internal sealed class TableMap
{
    private readonly string _table;
    private readonly Column[] _columns;
    private readonly Column _key;
    private readonly string _insert;

    private TableMap(string table, Column[] columns, Column key, bool identityKey)
    {
        _table = table;
        _columns = columns;
        _key = key;
        HasIdentityKey = identityKey;
        var names = string.Join(", ", columns.Select(c => c.Quoted));
        var values = string.Join(", ", columns.Select((_, i) => "$" + (i + 1).ToString(CultureInfo.InvariantCulture)));
        _insert = $"INSERT INTO {table} ({names}) VALUES ({values})" + (identityKey ? $" RETURNING {key.Quoted}" : string.Empty);
    }

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

    public NpgsqlBatchCommand Insert(EntityEntry entry)
    {
        var values = entry.CurrentValues;
        var command = new NpgsqlBatchCommand(_insert);
        foreach (var column in _columns)
        {
            command.Parameters.Add(column.Parameter(values[column.Property]));
        }

        return command;
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

    /// <summary>True when a modified column is under a unique index: freeing and taking a unique value needs EF's ordering.</summary>
    public bool ChangesUniqueColumn(EntityEntry entry) => _columns.Any(c =>
        entry.Property(c.Property).IsModified && (c.Property.IsKey() || c.Property.GetContainingIndexes().Any(i => i.IsUnique)));

    private sealed record Column(IProperty Property, string Quoted, string StoreType, ValueConverter? Converter)
    {
        public NpgsqlParameter Parameter(object? value) => new()
        {
            Value = value is null ? DBNull.Value : Converter is null ? value : Converter.ConvertToProvider(value) ?? DBNull.Value,
            DataTypeName = StoreType,
        };
    }
}
