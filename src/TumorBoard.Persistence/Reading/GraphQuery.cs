using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace TumorBoard.Persistence.Reading;

/// <summary>
/// Reads root entities and the navigations named by include paths as one statement per table, all sent in the caller's
/// Npgsql batch, and tracks what it read (Unchanged), as a tracking EF query with those Includes would: EF's split query
/// sends the same statements one round trip each. The statements and column mappings are made once from EF's model
/// (table and column names, value converters), the mirror of <c>TrackedChangesWriter</c>; see docs/performance.md,
/// "Ingestion, issue 12, session 6".
/// </summary>
/// <remarks>
/// <para>
/// Which roots: a SQL subquery yielding their keys (with the caller's positional parameters, the same for every
/// statement). A navigation whose foreign key is on the target (a collection such as <c>Reports</c>) reads the rows whose
/// foreign key is among the parent rows' keys; one whose foreign key is on the parent (a reference such as
/// <c>Reports.Specimen</c>) reads the rows the parent rows point at. At READ COMMITTED each statement of a batch takes its
/// own snapshot, exactly as each query of EF's split query does.
/// </para>
/// <para>
/// Why <c>= ANY (ARRAY(subquery))</c> rather than <c>IN (subquery)</c>: the statements are prepared, and PostgreSQL's
/// generic plan for a semi-join guessed hundreds of parent rows and chose sequential scans (of specimens, of patient
/// identifiers: 8.5 ms at 15,000 specimens in the load test); an array computed once (an InitPlan) is looked up through
/// the key or foreign-key index whatever the guess.
/// </para>
/// <para>
/// Tracking goes through EF's own state change (<c>Entry(entity).State = Unchanged</c>), so EF fixes up the navigations
/// (a report lands in its patient's <c>Reports</c>, its specimen in <c>Specimen</c>) and snapshots the original values:
/// changes made afterwards are detected as after a query. The context must not already track any of the rows read (EF
/// refuses a second instance with the same key); ingestion reads into a fresh context.
/// </para>
/// </remarks>
public sealed class GraphQuery
{
    private readonly Node[] _nodes;

    private GraphQuery(Node[] nodes) => _nodes = nodes;

    /// <summary>The include paths, as given (dot-separated navigation names from the root).</summary>
    public IReadOnlyList<string> Paths { get; private init; } = [];

    /// <summary>
    /// The query of <paramref name="root"/> rows whose key is in <paramref name="rootKeysSql"/>, with the navigations of
    /// <paramref name="paths"/> (each parent path listed before its children, as EF's <c>ThenInclude</c> needs it).
    /// </summary>
    public static GraphQuery For(IModel model, Type root, string rootKeysSql, params string[] paths)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(root);
        ArgumentException.ThrowIfNullOrWhiteSpace(rootKeysSql);
        ArgumentNullException.ThrowIfNull(paths);
        var rootType = model.FindEntityType(root) ?? throw new ArgumentException($"{root.Name} is not an entity type of the model.", nameof(root));
        var rootMap = RowMap.For(rootType);
        var nodes = new List<Node> { new(string.Empty, rootMap, $"{rootMap.KeyColumn} = ANY (ARRAY({rootKeysSql}))", rootKeysSql) };
        foreach (var path in paths)
        {
            var cut = path.LastIndexOf('.');
            var parent = nodes.SingleOrDefault(n => string.Equals(n.Path, cut < 0 ? string.Empty : path[..cut], StringComparison.Ordinal))
                ?? throw new ArgumentException($"The parent of '{path}' must be listed before it.", nameof(paths));
            var navigation = parent.Map.Type.FindNavigation(path[(cut + 1)..])
                ?? throw new ArgumentException($"'{path}' is not a navigation of {parent.Map.Type.ClrType.Name}.", nameof(paths));
            var foreignKey = navigation.ForeignKey;
            if (foreignKey.Properties.Count != 1)
            {
                throw new ArgumentException($"'{path}' has a composite foreign key; not supported.", nameof(paths));
            }

            var map = RowMap.For(navigation.TargetEntityType);
            var foreignKeyColumn = RowMap.ColumnOf(foreignKey.Properties[0]);
            var principalColumn = RowMap.ColumnOf(foreignKey.PrincipalKey.Properties[0]);
            var condition = navigation.IsOnDependent
                // The parent holds the foreign key (a report's specimen): the rows it points at.
                ? $"{principalColumn} = ANY (ARRAY(SELECT {foreignKeyColumn} FROM {parent.Map.Table} WHERE {parent.Condition}))"
                // The target holds it (a patient's reports): the rows pointing at the parents.
                : $"{foreignKeyColumn} = ANY (ARRAY({parent.KeysOf(principalColumn)}))";
            nodes.Add(new Node(path, map, condition, null));
        }

        return new GraphQuery([.. nodes]) { Paths = [.. paths] };
    }

    /// <summary>Adds one statement per table to <paramref name="batch"/>; <paramref name="parameters"/> are the root subquery's.</summary>
    public void AddTo(NpgsqlBatch batch, params object[] parameters)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(parameters);
        foreach (var node in _nodes)
        {
            var command = new NpgsqlBatchCommand(node.Sql);
            foreach (var parameter in parameters)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = parameter });
            }

            batch.BatchCommands.Add(command);
        }
    }

    /// <summary>
    /// Reads this query's result sets from <paramref name="reader"/>, which must stand at the first of them (the caller
    /// has read, or called <c>NextResult</c> past, the statements before); leaves the reader at the last of them. Every
    /// row is tracked in <paramref name="db"/> as Unchanged.
    /// </summary>
    /// <returns>The root entities read, in key order.</returns>
    public async Task<List<object>> ReadAsync(DbDataReader reader, DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(db);
        var rows = new List<object>[_nodes.Length];
        for (var index = 0; index < _nodes.Length; index++)
        {
            if (index > 0 && !await reader.NextResultAsync(cancellationToken))
            {
                throw new InvalidOperationException($"The batch ended before the result of '{_nodes[index].Path}'.");
            }

            rows[index] = [];
            while (await reader.ReadAsync(cancellationToken))
            {
                rows[index].Add(_nodes[index].Map.Materialise(reader));
            }
        }

        // Tracked once every row is read (the reader stays free of EF): roots first, then parents before their children.
        foreach (var entity in rows.SelectMany(r => r))
        {
            db.Entry(entity).State = EntityState.Unchanged;
        }

        return rows[0];
    }

    /// <summary>One table of the query: its statement, and the condition its children's statements select by.</summary>
    /// <remarks>For the root, <c>rootKeys</c> is the caller's subquery of its keys, used as is by its children instead of a
    /// subquery over the root table.</remarks>
    private sealed class Node(string path, RowMap map, string condition, string? rootKeys)
    {
        public string Path { get; } = path;

        public RowMap Map { get; } = map;

        /// <summary>A WHERE condition over this node's table selecting its rows.</summary>
        public string Condition { get; } = condition;

        public string Sql { get; } = $"SELECT {map.Columns} FROM {map.Table} WHERE {condition} ORDER BY {map.KeyColumn}";

        /// <summary>A subquery of <paramref name="column"/> over this node's rows.</summary>
        public string KeysOf(string column) => rootKeys is not null && string.Equals(column, Map.KeyColumn, StringComparison.Ordinal)
            ? rootKeys
            : $"SELECT {column} FROM {Map.Table} WHERE {Condition}";
    }
}
