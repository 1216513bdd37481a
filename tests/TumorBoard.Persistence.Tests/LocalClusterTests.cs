using System.Runtime.Versioning;
using Npgsql;
using TumorBoard.Persistence.LocalPostgres;

namespace TumorBoard.Persistence.Tests;

/// <summary>
/// The embedded cluster outside tests (Development, or the <c>Database:Embedded</c> demo opt-in): password
/// login only, durable writes. Each test provisions its own cluster in a temporary folder and removes it.
/// The service and its tests run on Linux (Debian's PostgreSQL packages), hence the platform attribute for file modes.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class LocalClusterTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("tumorboard-cluster-test-");
    private LocalPostgresCluster? _cluster;

    private string DataDirectory => Path.Combine(_folder.FullName, "pgdata");

    [Fact]
    public async Task A_new_cluster_writes_durably_and_refuses_a_wrong_password()
    {
        _cluster = LocalPostgresCluster.Start(DataDirectory);

        Assert.True(_cluster.IsDurable());
        await AssertWrongPasswordIsRefusedAsync(_cluster);
        Assert.DoesNotContain(HbaRules(), rule => rule.EndsWith("trust", StringComparison.Ordinal));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(DataDirectory + ".password"));
    }

    [Fact]
    public async Task A_durable_start_restarts_a_cluster_left_running_without_fsync()
    {
        _cluster = LocalPostgresCluster.Start(DataDirectory, durable: false);
        Assert.False(_cluster.IsDurable());

        _cluster = LocalPostgresCluster.Start(DataDirectory);

        Assert.True(_cluster.IsDurable());
        await using var connection = new NpgsqlConnection(_cluster.ConnectionString("postgres"));
        await connection.OpenAsync();
    }

    [Fact]
    public async Task A_cluster_initialised_with_trust_by_an_earlier_version_is_switched_to_password_login()
    {
        LocalPostgresCluster.Start(DataDirectory).Stop();
        var hba = Path.Combine(DataDirectory, "pg_hba.conf");
        await File.WriteAllTextAsync(hba, (await File.ReadAllTextAsync(hba)).Replace("scram-sha-256", "trust", StringComparison.Ordinal));
        File.Delete(DataDirectory + ".password");

        _cluster = LocalPostgresCluster.Start(DataDirectory);

        Assert.DoesNotContain(HbaRules(), rule => rule.EndsWith("trust", StringComparison.Ordinal));
        await AssertWrongPasswordIsRefusedAsync(_cluster);
        await using var connection = new NpgsqlConnection(_cluster.ConnectionString("postgres"));
        await connection.OpenAsync();
    }

    public void Dispose()
    {
        _cluster?.Stop(immediate: true);
        _folder.Delete(recursive: true);
    }

    private static async Task AssertWrongPasswordIsRefusedAsync(LocalPostgresCluster cluster)
    {
        var wrong = new NpgsqlConnectionStringBuilder(cluster.ConnectionString("postgres")) { Password = "not-the-password", Pooling = false };
        await using var connection = new NpgsqlConnection(wrong.ConnectionString);

        var error = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());

        Assert.Equal(PostgresErrorCodes.InvalidPassword, error.SqlState);
    }

    private IEnumerable<string> HbaRules() =>
        File.ReadAllLines(Path.Combine(DataDirectory, "pg_hba.conf")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));
}
