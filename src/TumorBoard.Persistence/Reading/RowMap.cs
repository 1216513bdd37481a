using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TumorBoard.Persistence.Mapping;

namespace TumorBoard.Persistence.Reading;

/// <summary>
/// One entity type's table as <see cref="GraphQuery"/> reads it: every mapped column, each read as the provider type EF
/// reads it and turned into the property's value by the property's value converter (the UTC conversion of timestamps),
/// then set on a new instance; the delegates are compiled once. Types outside the plain shape (inheritance, owned or
/// shared tables, shadow properties, a composite key, no parameterless constructor) are refused when the query is made,
/// not at run time of a request.
/// </summary>
internal sealed class RowMap
{
    private static readonly MethodInfo ReadMethod = typeof(RowMap).GetMethod(nameof(Read), BindingFlags.NonPublic | BindingFlags.Static)!;
    private readonly Func<object> _create;
    private readonly Column[] _columns;

    private readonly int _keyOrdinal;

    private RowMap(IEntityType type, string table, string keyColumn, Func<object> create, Column[] columns)
    {
        Type = type;
        Table = table;
        KeyColumn = keyColumn;
        _create = create;
        _columns = columns;
        _keyOrdinal = Array.FindIndex(columns, c => string.Equals(c.Quoted, keyColumn, StringComparison.Ordinal));
    }

    public IEntityType Type { get; }

    /// <summary>The table, quoted and schema-qualified when the model gives a schema.</summary>
    public string Table { get; }

    public string KeyColumn { get; }

    /// <summary>The select list over the table aliased <paramref name="alias"/>, in the order <see cref="Materialise"/> reads it.</summary>
    public string ColumnsOf(string alias) => string.Join(", ", _columns.Select(c => alias + "." + c.Quoted));

    /// <summary>The key of the reader's current row.</summary>
    public object KeyOf(DbDataReader reader) => reader.GetValue(_keyOrdinal);

    public static RowMap For(IEntityType type)
    {
        if (PlainTables.Of(type) is not ({ } tableName, { } keyProperty)
            || type.ClrType.GetConstructor(System.Type.EmptyTypes) is not { } constructor
            || type.Model.GetEntityTypes().Any(t => t != type && t.GetTableName() == tableName && t.GetSchema() == type.GetSchema()))
        {
            throw new NotSupportedException($"{type.DisplayName()} is not a plain table-per-type entity with a single key and a parameterless constructor.");
        }

        var create = Expression.Lambda<Func<object>>(Expression.Convert(Expression.New(constructor), typeof(object))).Compile();
        var columns = type.GetProperties().Select(Column.Of).ToArray();
        return new RowMap(type, PlainTables.QualifiedName(type, tableName), ColumnOf(keyProperty), create, columns);
    }

    /// <summary>The quoted column name of a property in its entity type's table.</summary>
    public static string ColumnOf(IProperty property)
    {
        var table = StoreObjectIdentifier.Table(property.DeclaringType.GetTableName()!, property.DeclaringType.GetSchema());
        return PlainTables.Quote(property.GetColumnName(table) ?? throw new NotSupportedException($"{property.Name} has no column."));
    }

    /// <summary>A new entity with the values of the reader's current row (columns in <see cref="ColumnsOf"/> order).</summary>
    public object Materialise(DbDataReader reader)
    {
        var entity = _create();
        for (var index = 0; index < _columns.Length; index++)
        {
            var column = _columns[index];
            var value = reader.IsDBNull(index) ? null : column.Read(reader, index);
            column.Set(entity, value is not null && column.Converter is { } converter ? converter.ConvertFromProvider(value) : value);
        }

        return entity;
    }

    private static object Read<T>(DbDataReader reader, int ordinal) => reader.GetFieldValue<T>(ordinal)!;

    private sealed record Column(string Quoted, Func<DbDataReader, int, object> Read, ValueConverter? Converter, Action<object, object?> Set)
    {
        public static Column Of(IProperty property)
        {
            if (property.IsShadowProperty() || property.PropertyInfo is not { CanWrite: true } clrProperty)
            {
                throw new NotSupportedException($"{property.DeclaringType.DisplayName()}.{property.Name} has no settable CLR property.");
            }

            var converter = property.GetTypeMapping().Converter;
            var provider = converter?.ProviderClrType ?? property.ClrType;
            var read = ReadMethod.MakeGenericMethod(Nullable.GetUnderlyingType(provider) ?? provider)
                .CreateDelegate<Func<DbDataReader, int, object>>();
            var entity = Expression.Parameter(typeof(object), "entity");
            var value = Expression.Parameter(typeof(object), "value");
            var set = Expression.Lambda<Action<object, object?>>(
                Expression.Assign(
                    Expression.Property(Expression.Convert(entity, clrProperty.DeclaringType!), clrProperty),
                    Expression.Convert(value, clrProperty.PropertyType)),
                entity, value).Compile();
            return new Column(ColumnOf(property), read, converter, set);
        }
    }
}
