using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace TumorBoard.LoadTest.Trials;

/// <summary>A captured command: its text and parameters, enough to run it again under EXPLAIN.</summary>
public sealed record CapturedCommand(string Text, IReadOnlyList<NpgsqlParameter> Parameters);

/// <summary>Records the commands EF sends while <see cref="Enabled"/>, so the benchmark can EXPLAIN the endpoint's own SQL.</summary>
public sealed class SqlCapture : DbCommandInterceptor
{
    private readonly ConcurrentQueue<CapturedCommand> _commands = new();

    public bool Enabled { get; set; }

    public IReadOnlyList<CapturedCommand> Take()
    {
        var taken = new List<CapturedCommand>();
        while (_commands.TryDequeue(out var command))
        {
            taken.Add(command);
        }

        return taken;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Record(DbCommand command)
    {
        if (Enabled && command is NpgsqlCommand npgsql)
        {
            _commands.Enqueue(new CapturedCommand(npgsql.CommandText, npgsql.Parameters.Select(p => p.Clone()).ToList()));
        }
    }
}
