using Microsoft.Extensions.Options;

namespace TumorBoard.Api.Features.Rematch;

/// <summary>Runs the re-match at start-up (a new knowledge base or trial file version), when signalled, and periodically.</summary>
public sealed class RematchService(Rematcher rematcher, RematchSignal signal, IOptions<RematchOptions> options, ILogger<RematchService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await rematcher.RunAsync(options.Value.BatchSize, stoppingToken);
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
