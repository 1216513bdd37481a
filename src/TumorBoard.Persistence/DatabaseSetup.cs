using Microsoft.EntityFrameworkCore;

namespace TumorBoard.Persistence;

/// <summary>The one place that configures EF Core for TumorBoard (provider, naming, retries).</summary>
public static class DatabaseSetup
{
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
}
