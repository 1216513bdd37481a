using Microsoft.EntityFrameworkCore;
using Npgsql;
using TumorBoard.Api.Features.Jobs;
using TumorBoard.Persistence;

namespace TumorBoard.Api.Features.Rematch;

/// <summary>
/// LISTENs on the jobs channel, so a re-match requested through any instance wakes this instance's worker
/// at once (the periodic run is only the fallback). Reconnects after a lost connection (a database fail-over).
/// </summary>
public sealed class RematchNotifications(IServiceScopeFactory scopes, RematchSignal signal, ILogger<RematchNotifications> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string connectionString;
        await using (var scope = scopes.CreateAsyncScope())
        {
            connectionString = scope.ServiceProvider.GetRequiredService<TumorBoardDbContext>().Database.GetConnectionString()!;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, _) => signal.Request();
                await using (var listen = new NpgsqlCommand($"LISTEN {JobStatus.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Anything queued while this instance was not listening.
                signal.Request();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
            {
                logger.NotificationsLost(e);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }
}
