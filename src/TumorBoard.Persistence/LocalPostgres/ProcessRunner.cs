using System.Diagnostics;

namespace TumorBoard.Persistence.LocalPostgres;

/// <summary>
/// Runs PostgreSQL's command-line tools. PostgreSQL refuses to run as root, so as root every command
/// runs as the <c>postgres</c> system user through <c>runuser</c>.
/// </summary>
internal static class ProcessRunner
{
    public static bool IsRoot => Environment.UserName == "root";

    public static (int ExitCode, string Output) Run(string executable, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (IsRoot)
        {
            start.FileName = "runuser";
            foreach (var a in new[] { "-u", "postgres", "--", executable })
            {
                start.ArgumentList.Add(a);
            }
        }
        else
        {
            start.FileName = executable;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(executable)} did not finish within {timeout.TotalSeconds} s.");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
