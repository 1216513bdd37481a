using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace TumorBoard.LoadTest.Trials;

/// <summary>
/// CPU seconds spent by this process and by the PostgreSQL server (postmaster, its live children, and the children it
/// has reaped, from /proc on Linux), so a run on a shared machine can be compared by work done rather than by wall time,
/// which other engineers' builds stretch. The server's share is unknown (null) when its data directory or /proc cannot
/// be read (another host, another OS, no superuser).
/// </summary>
public sealed class ServerCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    private readonly int? _postmaster;

    private ServerCpu(int? postmaster) => _postmaster = postmaster;

    public static async Task<ServerCpu> OpenAsync(string connectionString)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SHOW data_directory", connection);
            var directory = (string)(await command.ExecuteScalarAsync())!;
            var pid = int.Parse((await File.ReadAllLinesAsync(Path.Combine(directory, "postmaster.pid")))[0], CultureInfo.InvariantCulture);
            return new ServerCpu(pid);
        }
        catch (Exception e) when (e is PostgresException or IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return new ServerCpu(null);
        }
    }

    /// <summary>CPU seconds so far: this process, and the server (null when unknown).</summary>
    public (double Bench, double? Server) Now()
    {
        using var self = Process.GetCurrentProcess();
        return (self.TotalProcessorTime.TotalSeconds, _postmaster is { } pid ? ServerSeconds(pid) : null);
    }

    private static double? ServerSeconds(int postmaster)
    {
        double ticks = 0;
        var found = false;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (Stat(Path.Combine(dir, "stat")) is not { } stat)
            {
                continue;
            }

            if (stat.Pid == postmaster)
            {
                ticks += stat.Own + stat.Reaped;
                found = true;
            }
            else if (stat.Parent == postmaster)
            {
                ticks += stat.Own;
            }
        }

        return found ? ticks / TicksPerSecond : null;
    }

    private static (int Pid, int Parent, double Own, double Reaped)? Stat(string path)
    {
        try
        {
            var text = File.ReadAllText(path);
            // The command name may hold spaces and parentheses: fields are counted from the last ')'.
            var rest = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            var pid = int.Parse(text[..text.IndexOf(' ', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
            double Field(int number) => double.Parse(rest[number - 3], CultureInfo.InvariantCulture);
            return (pid, (int)Field(4), Field(14) + Field(15), Field(16) + Field(17));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
