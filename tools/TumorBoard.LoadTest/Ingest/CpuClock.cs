using System.Globalization;

namespace TumorBoard.LoadTest.Ingest;

/// <summary>
/// CPU time consumed by processes (Linux /proc), which waiting for a core does not inflate: on a machine shared with
/// other work, CPU milliseconds per bundle compare runs far better than wall-clock rates do.
/// </summary>
public static class CpuClock
{
    /// <summary>USER_HZ: the unit of /proc/[pid]/stat times; 100 on Linux.</summary>
    private const double TicksPerSecond = 100;

    /// <summary>User plus system time of one process; with <paramref name="withReapedChildren"/>, plus its ended children's.</summary>
    public static TimeSpan Of(int pid, bool withReapedChildren = false)
    {
        var fields = StatFields(pid);
        if (fields is null)
        {
            return TimeSpan.Zero;
        }

        // Fields 14-17 (1-based): utime, stime, cutime, cstime; after the ")" that closes the command name.
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        if (withReapedChildren)
        {
            ticks += long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>A PostgreSQL cluster's CPU: the postmaster, its live children and those that ended.</summary>
    public static TimeSpan OfCluster(int postmasterPid)
    {
        var total = Of(postmasterPid, withReapedChildren: true);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && StatFields(pid) is { } fields
                && int.Parse(fields[1], CultureInfo.InvariantCulture) == postmasterPid)
            {
                total += Of(pid);
            }
        }

        return total;
    }

    /// <summary>The fields of /proc/[pid]/stat after the command name, so index 0 is field 3 (state); null when gone.</summary>
    private static string[]? StatFields(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
