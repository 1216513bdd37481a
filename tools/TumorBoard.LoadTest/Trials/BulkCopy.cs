using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using TumorBoard.Persistence.Copy;

namespace TumorBoard.LoadTest.Trials;

/// <summary>Binary COPY of generated entity objects (<see cref="EntityCopy"/>), read through their CLR properties.</summary>
public sealed class BulkCopy(IModel model)
{
    public Task<int> WriteAsync<T>(NpgsqlConnection connection, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        return EntityCopy.WriteAsync(connection, entity, rows, ValueOf, ct);
    }

    private static object? ValueOf<T>(T row, IProperty property) =>
        (property.PropertyInfo ?? throw new InvalidOperationException($"{typeof(T).Name}.{property.Name} is a shadow property.")).GetValue(row);
}
