using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace TumorBoard.Persistence.Writing;

/// <summary>
/// What <see cref="TrackedChangesWriter"/> knows of a model, worked out once: each entity type's table map (none when the
/// type is outside the simple shape it writes), each type's rank in the foreign-key order (principals first), and which
/// types other tables reference (their rows are never deleted by the writer).
/// </summary>
internal sealed class ModelPlan
{
    private readonly Dictionary<IEntityType, TableMap> _maps = [];
    private readonly Dictionary<IEntityType, int> _ranks = [];
    private readonly HashSet<IEntityType> _referenced = [];

    public ModelPlan(IModel model)
    {
        var types = model.GetEntityTypes().ToList();
        var tables = types.GroupBy(t => (t.GetTableName(), t.GetSchema())).Where(g => g.Count() > 1).SelectMany(g => g).ToHashSet();
        foreach (var type in types)
        {
            if (!tables.Contains(type) && TableMap.For(type) is { } map)
            {
                _maps[type] = map;
            }

            foreach (var foreignKey in type.GetForeignKeys())
            {
                _referenced.Add(foreignKey.PrincipalEntityType);
            }
        }

        foreach (var type in types)
        {
            if (Rank(type, []) < 0)
            {
                // A self-reference or a cycle: EF's own ordering handles rows of such a type.
                _maps.Remove(type);
            }
        }
    }

    public TableMap Map(IEntityType type) => _maps[type];

    public int Rank(IEntityType type) => _ranks[type];

    /// <summary>True when the writer can write this entry's change itself.</summary>
    public bool CanWrite(EntityEntry entry)
    {
        if (!_maps.TryGetValue(entry.Metadata, out var map))
        {
            return false;
        }

        return entry.State switch
        {
            EntityState.Added => map.HasIdentityKey || !entry.Property(map.Key).IsTemporary,
            EntityState.Modified => !map.ChangesUniqueColumn(entry),
            EntityState.Deleted => !_referenced.Contains(entry.Metadata),
            _ => false,
        };
    }

    /// <summary>One more than the highest rank of the type's principals (0 without any); -1 on a self-reference or cycle.</summary>
    private int Rank(IEntityType type, HashSet<IEntityType> visiting)
    {
        if (_ranks.TryGetValue(type, out var known))
        {
            return known;
        }

        if (!visiting.Add(type))
        {
            return -1;
        }

        var rank = 0;
        foreach (var foreignKey in type.GetForeignKeys())
        {
            var principal = Rank(foreignKey.PrincipalEntityType, visiting);
            if (principal < 0 || foreignKey.PrincipalEntityType == type)
            {
                rank = -1;
                break;
            }

            rank = Math.Max(rank, principal + 1);
        }

        visiting.Remove(type);
        _ranks[type] = rank;
        return rank;
    }
}
