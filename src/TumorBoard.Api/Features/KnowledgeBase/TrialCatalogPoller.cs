using TumorBoard.Persistence;

namespace TumorBoard.Api.Features.KnowledgeBase;

/// <summary>
/// Follows trial imports made through other instances: checks the version mark every few seconds (one indexed
/// query), so reads of an idle instance show a new version without waiting for its next evaluation.
/// </summary>
public sealed class TrialCatalogPoller(IServiceScopeFactory scopes, TrialCatalogSync sync, IConfiguration configuration, ILogger<TrialCatalogPoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Trials:CatalogPollInterval", TimeSpan.FromSeconds(2));
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await sync.EnsureCurrentAsync(scope.ServiceProvider.GetRequiredService<TumorBoardDbContext>(), stoppingToken);
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
            {
                // The database may be starting or failing over; the next tick retries.
                logger.CheckFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
