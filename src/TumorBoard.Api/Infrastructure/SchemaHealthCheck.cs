using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TumorBoard.Persistence;

namespace TumorBoard.Api.Infrastructure;

/// <summary>
/// Not ready while the database lacks migrations this build needs: during a release the new replicas
/// wait for the migrate Job instead of serving against an old schema. Once current, stays current
/// (schemas only move forward), so later probes cost nothing. A singleton, to remember that.
/// </summary>
internal sealed class SchemaHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    private volatile bool _current;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (_current)
        {
            return HealthCheckResult.Healthy("schema current");
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TumorBoardDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            return HealthCheckResult.Unhealthy($"{pending.Count} migrations pending: run the migrate command");
        }

        _current = true;
        return HealthCheckResult.Healthy("schema current");
    }
}
