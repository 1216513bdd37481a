using Microsoft.EntityFrameworkCore;
using Npgsql;
using TumorBoard.Persistence;
using TumorBoard.Persistence.LocalPostgres;

namespace TumorBoard.LoadTest.Trials;

/// <summary>
/// The benchmark's database: the one a connection string names, else a throwaway local cluster in a temporary
/// folder (deleted afterwards). Migrated with EF; refuses a database that already holds patients.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly LocalPostgresCluster? _cluster;
    private readonly string? _folder;

    private BenchDatabase(string connectionString, string description, LocalPostgresCluster? cluster, string? folder)
    {
        ConnectionString = connectionString;
        Description = description;
        _cluster = cluster;
        _folder = folder;
    }

    public string ConnectionString { get; }

    public string Description { get; }

    public static async Task<BenchDatabase> OpenAsync(string connection, CancellationToken ct)
    {
        BenchDatabase database;
        if (string.IsNullOrWhiteSpace(connection) || connection.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            var folder = Path.Combine(Path.GetTempPath(), $"tumorboard-bench-{Environment.ProcessId}-{Guid.NewGuid():N}");
            var cluster = LocalPostgresCluster.Start(Path.Combine(folder, "pgdata"), durable: false);
            await cluster.EnsureDatabaseAsync("tumorboard_bench", cancellationToken: ct);
            database = new BenchDatabase(cluster.ConnectionString("tumorboard_bench"), $"throwaway local cluster in {folder} (port {cluster.Port})", cluster, folder);
        }
        else
        {
            database = new BenchDatabase(connection, "the database named by --connection", null, null);
        }

        await using var db = database.CreateContext();
        await db.Database.MigrateAsync(ct);
        if (await db.Patients.AnyAsync(ct))
        {
            await database.DisposeAsync();
            throw new InvalidOperationException("The database already holds patients; the benchmark needs an empty one.");
        }

        return database;
    }

    public TumorBoardDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<TumorBoardDbContext>();
        DatabaseSetup.Configure(options, ConnectionString);
        return new TumorBoardDbContext(options.Options);
    }

    public async Task<string> ServerVersionAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SHOW server_version", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_cluster is not null)
        {
            _cluster.Stop(immediate: true);
            try
            {
                Directory.Delete(_folder!, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"Could not delete {_folder}: {e.Message}");
            }
        }

        return ValueTask.CompletedTask;
    }
}
