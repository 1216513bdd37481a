using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace TumorBoard.Api.Infrastructure;

/// <summary>
/// How the service rides out PostgreSQL going away: the ingest transaction is retried on transient
/// failures (it is idempotent by design), and whatever still fails because the database is unreachable
/// is a 503 with Retry-After (see <see cref="DatabaseUnavailableExceptionHandler"/>), never a 500.
/// </summary>
public static class DatabaseResilience
{
    /// <summary>Seconds a client should wait before retrying after a 503: about a PostgreSQL restart.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>
    /// Three retries, at most 2 s apart: a request rides out a blip (failover, restart) of a few seconds
    /// and otherwise answers 503 promptly, instead of holding the client for the database's whole outage.
    /// Only the ingest transaction uses it; other writes are not idempotent by design and are not retried.
    /// </summary>
    public static IExecutionStrategy IngestStrategy(DbContext db) =>
        new NpgsqlRetryingExecutionStrategy(db, maxRetryCount: 3, maxRetryDelay: TimeSpan.FromSeconds(2), errorCodesToAdd: null);

    /// <summary>
    /// True when the exception (or any inner one) says the database could not be reached or went away
    /// mid-request: connection refused or broken, server shutting down or starting up, retries exhausted.
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case RetryLimitExceededException:
                case NpgsqlException { IsTransient: true }:
                case PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow }:
                case System.Net.Sockets.SocketException:
                    return true;
            }
        }

        return false;
    }
}
