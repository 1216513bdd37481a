using Microsoft.EntityFrameworkCore;
using TumorBoard.Persistence;
using TumorBoard.Persistence.LocalPostgres;

namespace TumorBoard.Api.Infrastructure;

internal static class DatabaseRegistration
{
    public const string ConnectionStringName = "TumorBoard";
    public const string EmbeddedSetting = "Database:Embedded";

    public const string MissingConnectionString =
        "ConnectionStrings__TumorBoard is not set. Outside Development TumorBoard does not start a database of its own: " +
        "set ConnectionStrings__TumorBoard to your PostgreSQL server, e.g. " +
        "\"Host=db.example.org;Database=tumorboard;Username=tumorboard;Password=...;SSL Mode=VerifyFull\" (docs/operations.md), " +
        "or set Database__Embedded=true for a single-machine demo on a local PostgreSQL cluster.";

    /// <summary>
    /// Uses <c>ConnectionStrings:TumorBoard</c> when set. Without it, Development (<c>dotnet run</c>) and an
    /// explicit <c>Database:Embedded=true</c> provision the embedded local PostgreSQL cluster (durable, password
    /// login on 127.0.0.1); any other environment refuses to start, so production never runs on a database
    /// nobody backs up.
    /// </summary>
    public static IServiceCollection AddTumorBoardDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, ILogger logger)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (!environment.IsDevelopment() && !configuration.GetValue<bool>(EmbeddedSetting))
            {
                throw new StartupRefusedException(MissingConnectionString);
            }

            var dataDirectory = LocalPostgresCluster.DefaultDataDirectory();
            var cluster = LocalPostgresCluster.Start(dataDirectory);
            cluster.EnsureDatabaseAsync("tumorboard").GetAwaiter().GetResult();
            connectionString = cluster.ConnectionString("tumorboard");
            logger.UsingLocalCluster(dataDirectory, cluster.Port);
        }

        // Pooled: a request takes a context whose internal services are already built instead of resolving them anew (about 5%
        // of the service's CPU under the ingestion load). EF resets a returned context's state (tracked entities, change
        // tracker settings, connection); 32 kept contexts cover the concurrency of a replica with one or two cores, beyond
        // that contexts are made and disposed as before. docs/performance.md, "Ingestion, issue 12, session 6".
        services.AddDbContextPool<TumorBoardDbContext>(options => DatabaseSetup.Configure(options, connectionString), poolSize: 32);
        services.AddSingleton<SchemaHealthCheck>();
        services.AddHealthChecks()
            .AddDbContextCheck<TumorBoardDbContext>("database", tags: ["ready"])
            .AddCheck<SchemaHealthCheck>("schema", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// Migrates at start-up when <c>Database:MigrateOnStartup</c> says so; by default only in Development
    /// or on the embedded cluster. Elsewhere several replicas start at once, so migrations run once per
    /// release (the <c>migrate</c> command as a Job) and a replica only warns about pending ones.
    /// </summary>
    public static async Task MigrateIfEnabledAsync(this WebApplication app)
    {
        var embedded = string.IsNullOrWhiteSpace(app.Configuration.GetConnectionString(ConnectionStringName));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TumorBoardDbContext>();
        if (app.Configuration.GetValue("Database:MigrateOnStartup", app.Environment.IsDevelopment() || embedded))
        {
            await db.Database.MigrateAsync();
            return;
        }

        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        if (pending.Count > 0)
        {
            app.Logger.MigrationsPending(pending.Count, pending);
        }
    }
}
