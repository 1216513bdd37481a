using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace TumorBoard.Persistence.Mapping;

/// <summary>
/// What the statement writer and reader that bypass EF's pipelines (<c>TableMap</c>, <c>RowMap</c>) share: which entity
/// types they can map from EF's model, and how they name a table and quote an identifier.
/// </summary>
internal static class PlainTables
{
    /// <summary>
    /// The table and single key property of a plain table-per-type entity (no owner, inheritance or complex properties);
    /// null for any other type.
    /// </summary>
    public static (string Table, IProperty Key)? Of(IEntityType type) =>
        type.IsOwned() || type.BaseType is not null || type.GetDirectlyDerivedTypes().Any() || type.GetComplexProperties().Any()
        || type.GetTableName() is not { } table || type.FindPrimaryKey() is not { Properties: [var key] }
            ? null
            : (table, key);

    /// <summary>The table's quoted name, schema-qualified when the model gives a schema.</summary>
    public static string QualifiedName(IEntityType type, string table) =>
        type.GetSchema() is { } schema ? $"{Quote(schema)}.{Quote(table)}" : Quote(table);

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
