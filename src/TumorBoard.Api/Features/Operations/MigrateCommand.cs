using Microsoft.EntityFrameworkCore;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Persistence;

namespace TumorBoard.Api.Features.Operations;

/// <summary>
/// <c>TumorBoard.Api migrate</c>: applies pending EF Core migrations to <c>ConnectionStrings:TumorBoard</c>
/// and exits. Production runs it once per release as a Kubernetes Job, so replicas never migrate
/// concurrently at start-up. Needs only the connection string (no signing key, no identity provider).
/// EF Core takes a database lock while migrating, so a second run waits and then finds nothing to do.
/// </summary>
public static class MigrateCommand
{
    public const string Name = "migrate";

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        LoggingSetup.Configure(builder.Logging, builder.Configuration, builder.Environment);
        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TumorBoard.Migrate");
        var connectionString = builder.Configuration.GetConnectionString(DatabaseRegistration.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            logger.MigrateWithoutConnectionString();
            return 2;
        }

        var options = new DbContextOptionsBuilder<TumorBoardDbContext>();
        DatabaseSetup.Configure(options, connectionString);
        await using var db = new TumorBoardDbContext(options.Options);
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        logger.ApplyingMigrations(pending.Count, pending);
        await db.Database.MigrateAsync();
        logger.SchemaCurrent();
        return 0;
    }
}
