using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace TumorBoard.Persistence.LocalPostgres;

/// <summary>
/// A PostgreSQL cluster the service (in Development, or with the <c>Database:Embedded</c> opt-in) or a
/// test run provisions for itself from the machine's binaries: initdb on first use, pg_ctl start on
/// later ones, TCP on 127.0.0.1 only (no Unix socket), password (SCRAM) authentication for the local
/// <c>tumorboard</c> role, never trust. Durable (fsync, synchronous commit) unless a throwaway test
/// cluster asks otherwise. Never used when a connection string is given.
/// </summary>
public sealed class LocalPostgresCluster
{
    public const string SuperUser = "tumorboard";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    private readonly string _binDirectory;
    private readonly string _password;

    /// <summary>How <see cref="Start"/> was asked to run the server, so <see cref="Restart"/> runs it the same way.</summary>
    private bool _durable = true;

    private LocalPostgresCluster(string dataDirectory, string binDirectory, int port, string password)
    {
        DataDirectory = dataDirectory;
        _binDirectory = binDirectory;
        Port = port;
        _password = password;
    }

    public string DataDirectory { get; }

    public int Port { get; }

    /// <summary>
    /// The default data folder: <c>TUMORBOARD_DATA</c>, else the user's local data directory. As root
    /// the cluster runs as <c>postgres</c>, which cannot enter /root, so root's default is under /var/tmp.
    /// </summary>
    public static string DefaultDataDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("TUMORBOARD_DATA");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.Combine(configured, "pgdata");
        }

        var root = ProcessRunner.IsRoot
            ? "/var/tmp/tumorboard"
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "tumorboard");
        return Path.Combine(root, "pgdata");
    }

    /// <summary>Initialises the cluster when the folder is empty, starts it unless it already runs, and returns it.</summary>
    /// <param name="dataDirectory">The cluster's data folder; its password is kept beside it.</param>
    /// <param name="durable">
    /// False only for throwaway clusters (tests, benchmarks) whose data is deleted afterwards: fsync and
    /// synchronous commit off. A durable start of a cluster that runs without them restarts it with them.
    /// </param>
    /// <param name="settings">Extra <c>name=value</c> server settings, applied last (so overriding the others):
    /// the ingestion load test loads <c>pg_stat_statements</c> and sets <c>commit_delay</c> this way.</param>
    public static LocalPostgresCluster Start(string dataDirectory, bool durable = true, IReadOnlyList<string>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        var bin = PostgresBinaries.FindDirectory()
            ?? throw new InvalidOperationException(
                "No connection string (ConnectionStrings__TumorBoard) is set and no PostgreSQL binaries (initdb, pg_ctl) were found. " +
                "Install PostgreSQL (apt-get install -y postgresql) or set a connection string.");

        PrepareDirectory(dataDirectory);
        var password = ClusterAuthentication.ReadOrCreatePassword(dataDirectory);
        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            var passwordFile = ClusterAuthentication.PasswordFile(dataDirectory);
            if (ProcessRunner.IsRoot)
            {
                // initdb runs as postgres and reads the password file; root (the service) still can.
                Check(RunAsRoot("chown", ["postgres:postgres", passwordFile]), "chown");
            }

            Check(ProcessRunner.Run(Path.Combine(bin, "initdb"),
                ["-D", dataDirectory, "-U", SuperUser, $"--auth={ClusterAuthentication.Method}", $"--pwfile={passwordFile}", "-E", "UTF8", "--locale=C", "--no-instructions"],
                CommandTimeout), "initdb");
        }

        var running = RunningPort(dataDirectory);
        var cluster = new LocalPostgresCluster(dataDirectory, bin, running ?? FreePort(), password) { _durable = durable };
        if (running is null)
        {
            cluster.StartServer(durable, settings ?? []);
        }
        else if (durable && !cluster.IsDurable())
        {
            cluster.Stop();
            cluster.StartServer(durable, settings ?? []);
        }

        if (ClusterAuthentication.AllowsTrust(dataDirectory))
        {
            cluster.RequirePasswords();
        }

        return cluster;
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Password = _password,
        Database = database,
        Pooling = true,
        MaxPoolSize = 50,
    }.ConnectionString;

    /// <summary>Creates the database if it does not exist yet (optionally as a copy of a template).</summary>
    public async Task EnsureDatabaseAsync(string database, string? template = null, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }

        var sql = template is null
            ? $"CREATE DATABASE \"{database}\""
            : $"CREATE DATABASE \"{database}\" TEMPLATE \"{template}\"";
        await using var create = new NpgsqlCommand(sql, connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <param name="immediate">Skip the shutdown checkpoint: for throwaway clusters whose data is deleted next.</param>
    public void Stop(bool immediate = false)
    {
        ProcessRunner.Run(Path.Combine(_binDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", immediate ? "immediate" : "fast", "-w", "stop"], CommandTimeout);
    }

    /// <summary>Starts the cluster again after <see cref="Stop"/>, on the same port, so connection strings stay valid.</summary>
    public void Restart() => StartServer(_durable, []);

    /// <summary>Sends the postmaster SIGQUIT (immediate shutdown) without waiting: for process-exit handlers.</summary>
    public void SignalImmediateShutdown()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid))
        {
            using var kill = System.Diagnostics.Process.Start("kill", ["-QUIT", pid.ToString(CultureInfo.InvariantCulture)]);
            kill.WaitForExit(2000);
        }
    }

    /// <summary>Whether the running server writes durably (fsync and synchronous commit on).</summary>
    public bool IsDurable()
    {
        using var connection = UnpooledAdminConnection();
        connection.Open();
        using var show = new NpgsqlCommand("SELECT current_setting('fsync') = 'on' AND current_setting('synchronous_commit') <> 'off'", connection);
        return show.ExecuteScalar() is true;
    }

    /// <summary>
    /// Upgrades a cluster initialised with trust authentication (earlier versions): the role gets the
    /// password, every trust rule becomes a password rule, the server reloads.
    /// </summary>
    private void RequirePasswords()
    {
        using (var connection = UnpooledAdminConnection())
        {
            connection.Open();
            // The password is generated hex, so the literal needs no escaping (ALTER ROLE takes no parameters).
            using var alter = new NpgsqlCommand($"ALTER ROLE {SuperUser} PASSWORD '{_password}'", connection);
            alter.ExecuteNonQuery();
        }

        ClusterAuthentication.RequirePasswords(DataDirectory);
        Check(ProcessRunner.Run(Path.Combine(_binDirectory, "pg_ctl"), ["-D", DataDirectory, "reload"], CommandTimeout), "pg_ctl reload");
    }

    /// <summary>For one-off checks around restarts and reloads: a pooled connection would outlive the server it knew.</summary>
    private NpgsqlConnection UnpooledAdminConnection() =>
        new(new NpgsqlConnectionStringBuilder(ConnectionString("postgres")) { Pooling = false }.ConnectionString);

    private void StartServer(bool durable, IReadOnlyList<string> settings)
    {
        // Throwaway clusters trade crash safety for speed; everything else keeps PostgreSQL's defaults.
        var throwaway = durable ? string.Empty : " -c fsync=off -c synchronous_commit=off";
        var options = string.Create(CultureInfo.InvariantCulture,
            $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200{throwaway}")
            + string.Concat(settings.Select(setting => $" -c {setting}"));
        Check(ProcessRunner.Run(Path.Combine(_binDirectory, "pg_ctl"),
            ["-D", DataDirectory, "-l", Path.Combine(DataDirectory, "server.log"), "-o", options, "-w", "-t", "60", "start"],
            CommandTimeout), "pg_ctl start");
    }

    private static void PrepareDirectory(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        if (!ProcessRunner.IsRoot || OperatingSystem.IsWindows())
        {
            return;
        }

        // The postgres user must own the data folder and be able to reach it.
        for (var dir = Path.GetDirectoryName(dataDirectory); !string.IsNullOrEmpty(dir) && dir != "/"; dir = Path.GetDirectoryName(dir))
        {
            var mode = File.GetUnixFileMode(dir);
            File.SetUnixFileMode(dir, mode | UnixFileMode.OtherExecute);
        }

        Check(RunAsRoot("chown", ["-R", "postgres:postgres", dataDirectory]), "chown");
        File.SetUnixFileMode(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static (int, string) RunAsRoot(string executable, string[] arguments)
    {
        using var process = System.Diagnostics.Process.Start(executable, arguments);
        process.WaitForExit();
        return (process.ExitCode, string.Empty);
    }

    /// <summary>The port of a server already running on this data folder (postmaster.pid line 4), else null.</summary>
    private static int? RunningPort(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return null;
        }

        var lines = File.ReadAllLines(pidFile);
        if (lines.Length < 4 || !int.TryParse(lines[0], out var pid) || !int.TryParse(lines[3], out var port))
        {
            return null;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.HasExited ? null : port;
        }
        catch (ArgumentException)
        {
            return null; // Stale pid file: pg_ctl start cleans it up.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Check((int ExitCode, string Output) result, string step)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"Local PostgreSQL: {step} failed (exit {result.ExitCode}): {result.Output.Trim()}");
        }
    }
}
