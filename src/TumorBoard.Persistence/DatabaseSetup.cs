using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace TumorBoard.Persistence;

/// <summary>
/// The one place that configures EF Core for TumorBoard (provider, naming, migrations table). No retrying execution
/// strategy here: only the ingest transaction is retried, explicitly (Api's DatabaseResilience.IngestStrategy).
/// </summary>
public static class DatabaseSetup
{
    /// <summary>
    /// Statements each pooled connection keeps prepared. An ingestion sends the same ~30 statement texts every time
    /// (EF's INSERTs per table, the look-ups); prepared, PostgreSQL skips parsing and planning them, and Npgsql's reset
    /// of a pooled connection keeps them instead of sending DISCARD ALL (docs/performance.md, issue 12, session 4).
    /// </summary>
    public const int AutoPreparedStatements = 64;

    public static void Configure(DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        options
            .UseNpgsql(Tuned(connectionString), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
    }

    /// <summary>
    /// The connection string with automatic preparation on, unless the operator set <c>Max Auto Prepare</c> themselves
    /// (0 turns it off, e.g. behind a PgBouncer in transaction mode older than 1.21, which cannot keep prepared statements).
    /// </summary>
    public static string Tuned(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.ContainsKey("Max Auto Prepare") || given.ContainsKey("MaxAutoPrepare"))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxAutoPrepare = AutoPreparedStatements,
        }.ConnectionString;
    }
}
