using Microsoft.EntityFrameworkCore;
using Npgsql;
using TumorBoard.Persistence;
using TumorBoard.Persistence.LocalPostgres;

namespace TumorBoard.TestSupport;

/// <summary>
/// The one place that decides where test databases come from: the server named by
/// <c>TUMORBOARD_TEST_CONNECTION</c> when set, else a throwaway PostgreSQL cluster started from the
/// machine's binaries in a temporary folder (stopped and deleted when the test process exits), the one
/// cluster that runs with fsync and synchronous commit off: its data is thrown away anyway.
/// A template database is migrated once per run; each test class gets its own copy of it.
/// </summary>
public static class TestPostgres
{
    private const string FolderPrefix = "tumorboard-tests-";
    private static readonly Lazy<Task<Server>> Instance = new(StartAsync);

    /// <summary>Where the databases come from, for test output.</summary>
    public static string Source => Instance.IsValueCreated ? Instance.Value.Result.Description : "not started";

    /// <summary>Creates a fresh, migrated database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var server = await Instance.Value;
        var name = "tb_test_" + Guid.NewGuid().ToString("N")[..12];
        await using var admin = new NpgsqlConnection(server.AdminConnectionString);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{server.TemplateDatabase}\"", admin);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>
    /// Drops a database <see cref="CreateDatabaseAsync"/> made: its pooled connections are closed first and any
    /// other session is ended (WITH (FORCE)), so a test class leaves nothing behind on a shared server.
    /// </summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var server = await Instance.Value;
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        await using var admin = new NpgsqlConnection(server.AdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>Whether a database of that name exists on the test server.</summary>
    public static async Task<bool> DatabaseExistsAsync(string name)
    {
        var server = await Instance.Value;
        await using var admin = new NpgsqlConnection(server.AdminConnectionString);
        await admin.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", admin);
        query.Parameters.AddWithValue("name", name);
        return (long)(await query.ExecuteScalarAsync())! > 0;
    }

    /// <summary>
    /// Empties every application table (the migrations history stays), so each test starts from a clean
    /// database. The append-only triggers on audit tables are bypassed only here (replica role), for tests.
    /// </summary>
    public static async Task ResetAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var list = new NpgsqlCommand(
            "SELECT string_agg(format('%I.%I', schemaname, tablename), ', ') FROM pg_tables WHERE schemaname = 'public' AND tablename <> '__ef_migrations_history'",
            connection);
        if (await list.ExecuteScalarAsync() is string tables && tables.Length > 0)
        {
            // A test host's background workers (re-match, arm-total folding, outbox sender) may still hold row or
            // table locks in another order: PostgreSQL then breaks the deadlock by cancelling one side, sometimes this
            // TRUNCATE. The reset is idempotent, so it is tried again rather than failing an unrelated test.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var truncate = new NpgsqlCommand($"SET session_replication_role = replica; TRUNCATE {tables} RESTART IDENTITY CASCADE", connection);
                    await truncate.ExecuteNonQueryAsync();
                    return;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 5)
                {
                    await Task.Delay(50 * attempt);
                }
            }
        }
    }

    private static async Task<Server> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable("TUMORBOARD_TEST_CONNECTION");
        string admin;
        string description;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            admin = new NpgsqlConnectionStringBuilder(configured) { Pooling = false }.ConnectionString;
            description = "TUMORBOARD_TEST_CONNECTION";
        }
        else
        {
            SweepStaleFolders();
            var folder = Path.Combine(Path.GetTempPath(), $"{FolderPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}", "pgdata");
            var cluster = LocalPostgresCluster.Start(folder, durable: false);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAndDelete(cluster);
            admin = new NpgsqlConnectionStringBuilder(cluster.ConnectionString("postgres")) { Pooling = false }.ConnectionString;
            description = $"throwaway local cluster in {folder} (port {cluster.Port})";
        }

        var template = "tb_template_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{template}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var templateConnection = new NpgsqlConnectionStringBuilder(admin) { Database = template, Pooling = false }.ConnectionString;
        var options = new DbContextOptionsBuilder<TumorBoardDbContext>();
        DatabaseSetup.Configure(options, templateConnection);
        await using (var db = new TumorBoardDbContext(options.Options))
        {
            await db.Database.MigrateAsync();
        }

        return new Server(admin, template, description);
    }

    private static void StopAndDelete(LocalPostgresCluster cluster)
    {
        // The test host gives exit handlers little time: signal an immediate shutdown and return.
        // Folders left behind are swept by the next run (see SweepStaleFolders).
        cluster.SignalImmediateShutdown();
    }

    /// <summary>Deletes clusters of earlier test runs whose process is gone.</summary>
    private static void SweepStaleFolders()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var parts = Path.GetFileName(folder).Split('-');
            if (parts.Length < 3 || !int.TryParse(parts[2], out var pid) || IsAlive(pid))
            {
                continue;
            }

            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Not ours to worry about: a later sweep retries.
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private sealed record Server(string AdminConnectionString, string TemplateDatabase, string Description);
}
