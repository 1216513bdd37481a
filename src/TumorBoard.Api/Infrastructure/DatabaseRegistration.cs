using Microsoft.EntityFrameworkCore;
using TumorBoard.Persistence;
using TumorBoard.Persistence.LocalPostgres;

namespace TumorBoard.Api.Infrastructure;

internal static class DatabaseRegistration
{
    public const string ConnectionStringName = "TumorBoard";

    /// <summary>
    /// Uses <c>ConnectionStrings:TumorBoard</c> when set; otherwise provisions the embedded local
    /// PostgreSQL cluster (the default for <c>dotnet run</c>) and uses it.
    /// </summary>
    public static IServiceCollection AddTumorBoardDatabase(this IServiceCollection services, IConfiguration configuration, ILogger logger)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var dataDirectory = LocalPostgresCluster.DefaultDataDirectory();
            var cluster = LocalPostgresCluster.Start(dataDirectory);
            cluster.EnsureDatabaseAsync("tumorboard").GetAwaiter().GetResult();
            connectionString = cluster.ConnectionString("tumorboard");
            logger.LogInformation("No connection string configured: using the local PostgreSQL cluster in {DataDirectory} on port {Port}", dataDirectory, cluster.Port);
        }

        services.AddDbContext<TumorBoardDbContext>(options => DatabaseSetup.Configure(options, connectionString));
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
            app.Logger.LogWarning("{Count} migrations are pending ({Migrations}); run the migrate command (the release Job) before serving", pending.Count, string.Join(", ", pending));
        }
    }
}
