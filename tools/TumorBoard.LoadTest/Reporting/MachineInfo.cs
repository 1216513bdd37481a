using System.Runtime.InteropServices;

namespace TumorBoard.LoadTest.Reporting;

/// <summary>What the figures were measured on; the load average matters on a machine shared with other work.</summary>
public static class MachineInfo
{
    public static string Describe() =>
        $"{CpuModel()}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";

    /// <summary>The 1, 5 and 15 minute load averages from /proc/loadavg, or "n/a" off Linux.</summary>
    public static string LoadAverage()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? string.Join(' ', File.ReadAllText(path).Split(' ').Take(3)) : "n/a";
    }

    public static void PrintHeader(string title)
    {
        Console.WriteLine($"## {title}");
        Console.WriteLine();
        Console.WriteLine($"- machine: {Describe()}");
        Console.WriteLine($"- started: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadAverage()}");
        Console.WriteLine();
    }

    private static string CpuModel()
    {
        const string path = "/proc/cpuinfo";
        if (!File.Exists(path))
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }

        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
