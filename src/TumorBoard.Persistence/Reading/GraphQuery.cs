using System.Data.Common;
using System.Globalization;
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
/// Which roots: a condition on their key (with the caller's positional parameters, the same for every statement). A navigation whose foreign key is on the target (a collection such as <c>Reports</c>) reads the rows whose
/// foreign key is among the parent rows' keys; one whose foreign key is on the parent (a reference such as
/// <c>Reports.Specimen</c>) reads the rows the parent rows point at. At READ COMMITTED each statement of a batch takes its
/// own snapshot, exactly as each query of EF's split query does.
/// </para>
/// <para>
/// Each statement joins from the roots along its path (<c>(roots OFFSET 0) JOIN patients JOIN reports JOIN alterations</c>),
/// the shape of EF's own split queries: PostgreSQL walks it with nested loops over the foreign-key indexes. Semi-joins
/// (<c>IN (subquery)</c>), key arrays (<c>= ANY (ARRAY(subquery))</c>) and the key condition on the joined root itself were
/// tried first and, with the statistics of a fast-growing table, made it guess hundreds of rows per patient and scan
/// specimens and alterations whole (2-13 ms per statement in the returning-patient load test).
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

    /// <summary>
    /// The query of <paramref name="root"/> rows whose key meets <paramref name="rootKeyCondition"/> (<c>= $1</c>,
    /// <c>= ANY($1)</c>), with the navigations of
    /// <paramref name="paths"/> (each parent path listed before its children, as EF's <c>ThenInclude</c> needs it).
    /// </summary>
    public static GraphQuery For(IModel model, Type root, string rootKeyCondition, params string[] paths)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(root);
        ArgumentException.ThrowIfNullOrWhiteSpace(rootKeyCondition);
        ArgumentNullException.ThrowIfNull(paths);
        var rootType = model.FindEntityType(root) ?? throw new ArgumentException($"{root.Name} is not an entity type of the model.", nameof(root));
        var rootMap = RowMap.For(rootType);
        // OFFSET 0 keeps the roots a subquery of their own (EF's split queries have LIMIT there, from SingleAsync): PostgreSQL
        // then joins each path with nested loops over the foreign-key indexes instead of carrying the key condition into
        // it, which with stale statistics had it hash-join a sequential scan of every alteration (10 ms per bundle).
        var roots = $"(SELECT r.{rootMap.KeyColumn} AS root_key FROM {rootMap.Table} AS r WHERE r.{rootMap.KeyColumn} {rootKeyCondition} OFFSET 0) AS k";
        var nodes = new List<Node> { new(string.Empty, rootMap, "t0", $"{roots} JOIN {rootMap.Table} AS t0 ON t0.{rootMap.KeyColumn} = k.root_key", $"t0.{rootMap.KeyColumn}") };
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
            var alias = "t" + nodes.Count.ToString(CultureInfo.InvariantCulture);
            var on = navigation.IsOnDependent
                // The parent holds the foreign key (a report's specimen): the rows it points at.
                ? $"{alias}.{principalColumn} = {parent.Alias}.{foreignKeyColumn}"
                // The target holds it (a patient's reports): the rows pointing at the parents.
                : $"{alias}.{foreignKeyColumn} = {parent.Alias}.{principalColumn}";
            nodes.Add(new Node(path, map, alias, $"{parent.From} JOIN {map.Table} AS {alias} ON {on}", $"{parent.Order}, {alias}.{map.KeyColumn}"));
        }

        return new GraphQuery([.. nodes]);
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
            // A row reached twice (two identifiers of one patient, a specimen of two reports) is tracked once.
            var keys = new HashSet<object>();
            while (await reader.ReadAsync(cancellationToken))
            {
                if (keys.Add(_nodes[index].Map.KeyOf(reader)))
                {
                    rows[index].Add(_nodes[index].Map.Materialise(reader));
                }
            }
        }

        // Tracked once every row is read (the reader stays free of EF): roots first, then parents before their children.
        foreach (var entity in rows.SelectMany(r => r))
        {
            db.Entry(entity).State = EntityState.Unchanged;
        }

        return rows[0];
    }

    /// <summary>One table of the query: its statement, and the joins from the root its children extend.</summary>
    /// <remarks>Rows come ordered by the keys along the path, as EF orders its split queries.</remarks>
    private sealed class Node(string path, RowMap map, string alias, string from, string order)
    {
        public string Path { get; } = path;

        public RowMap Map { get; } = map;

        public string Alias { get; } = alias;

        /// <summary>The FROM clause reaching this table's rows: the root table joined through each navigation of the path.</summary>
        public string From { get; } = from;

        public string Order { get; } = order;

        public string Sql { get; } = $"SELECT {map.ColumnsOf(alias)} FROM {from} ORDER BY {order}";
    }
}
