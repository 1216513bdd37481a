using Microsoft.EntityFrameworkCore;

namespace TumorBoard.Persistence;

/// <summary>
/// The one place that configures EF Core for TumorBoard (provider, naming, migrations table). No retrying execution
/// strategy here: only the ingest transaction is retried, explicitly (Api's DatabaseResilience.IngestStrategy).
/// </summary>
public static class DatabaseSetup
{
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
}
