using Npgsql;
using TumorBoard.Persistence.LocalPostgres;

namespace TumorBoard.LoadTest.Ingest;

/// <summary>
/// A throwaway PostgreSQL cluster for one load run, in a temporary folder deleted afterwards, with
/// <c>pg_stat_statements</c> loaded and the durability settings under test: those
/// of test clusters (<c>fsync</c> and <c>synchronous_commit</c> off) or production's (both on, PostgreSQL's defaults,
/// optionally with <c>commit_delay</c>).
/// </summary>
public sealed class IngestCluster : IAsyncDisposable
{
    private const string Database = "tumorboard_ingest";
    private readonly LocalPostgresCluster _cluster;
    private readonly string _folder;

    private IngestCluster(LocalPostgresCluster cluster, string folder, string description)
    {
        _cluster = cluster;
        _folder = folder;
        Description = description;
    }

    public string Description { get; }

    public string ConnectionString => _cluster.ConnectionString(Database);

    /// <summary>The postmaster's process id (first line of postmaster.pid), for CPU accounting.</summary>
    public int PostmasterPid => int.Parse(File.ReadLines(Path.Combine(_cluster.DataDirectory, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<IngestCluster> StartAsync(bool durable, int commitDelayMicroseconds)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"tumorboard-ingest-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var onOff = durable ? "on" : "off";
        List<string> settings = ["shared_preload_libraries=pg_stat_statements", "pg_stat_statements.track=all"];
        if (commitDelayMicroseconds > 0)
        {
            settings.Add($"commit_delay={commitDelayMicroseconds}");
        }

        var cluster = LocalPostgresCluster.Start(Path.Combine(folder, "pgdata"), durable, settings);
        await cluster.EnsureDatabaseAsync(Database);
        await using (var connection = new NpgsqlConnection(cluster.ConnectionString(Database)))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new IngestCluster(cluster, folder, $"fsync={onOff}, synchronous_commit={onOff}, commit_delay={commitDelayMicroseconds} us");
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
        _cluster.Stop(immediate: true);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Could not delete {_folder}: {e.Message}");
        }

        return ValueTask.CompletedTask;
    }
}
