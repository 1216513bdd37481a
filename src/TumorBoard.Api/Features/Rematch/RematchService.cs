using Microsoft.Extensions.Options;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Queries;

namespace TumorBoard.Api.Features.Rematch;

/// <summary>Runs the re-match at start-up (a new knowledge base or trial file version), when signalled, and periodically.</summary>
public sealed class RematchService(
    Rematcher rematcher, RematchSignal signal, IServiceScopeFactory scopes, IOptions<RematchOptions> options, ILogger<RematchService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await rematcher.RunAsync(options.Value.BatchSize, stoppingToken);
                // Fold the arm totals' delta rows the writers appended since the last pass (ArmListCounts).
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<TumorBoardDbContext>().Database.CompactAllAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next signal or interval retries; finished batches are kept.
                logger.RunFailed(e);
            }

            await signal.WaitAsync(options.Value.Interval, stoppingToken);
        }
    }
}
