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
        services.AddHealthChecks().AddDbContextCheck<TumorBoardDbContext>("database", tags: ["ready"]);
        return services;
    }

    public static async Task MigrateIfEnabledAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Database:MigrateOnStartup", true))
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TumorBoardDbContext>();
        await db.Database.MigrateAsync();
    }
}
