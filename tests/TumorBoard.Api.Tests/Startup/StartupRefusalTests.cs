using System.Diagnostics;
using TumorBoard.Api.Infrastructure;

namespace TumorBoard.Api.Tests.Startup;

/// <summary>
/// The real service process (the built TumorBoard.Api.dll) started in Production with a piece of its
/// configuration missing: it exits with code 1 and one line that says what to set, before it touches
/// any database. Environment variables are the way operators configure it, so the tests use them too.
/// </summary>
public sealed class StartupRefusalTests
{
    private const string SigningKey = "a-production-signing-key-of-at-least-32-bytes";

    [Fact]
    public async Task Production_without_a_connection_string_refuses_to_start_and_provisions_no_local_database()
    {
        var data = Directory.CreateTempSubdirectory("tumorboard-refusal-");
        try
        {
            var (exitCode, stdout, stderr) = await RunServiceAsync(new()
            {
                ["Auth__SigningKey"] = SigningKey,
                ["TUMORBOARD_DATA"] = data.FullName,
            });

            Assert.Equal(1, exitCode);
            Assert.Equal($"TumorBoard refuses to start: {DatabaseRegistration.MissingConnectionString}", stderr.Trim());
            Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
            Assert.Empty(data.EnumerateFileSystemInfos());
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Production_without_a_signing_key_refuses_to_start_and_says_which_setting_is_missing()
    {
        var (exitCode, stdout, stderr) = await RunServiceAsync(new()
        {
            // Never reached: the refusal comes before any connection is opened.
            ["ConnectionStrings__TumorBoard"] = "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none",
        });

        Assert.Equal(1, exitCode);
        Assert.StartsWith("TumorBoard refuses to start: Auth__SigningKey is not set", stderr.Trim(), StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_with_a_signing_key_shorter_than_32_bytes_refuses_to_start()
    {
        var (exitCode, _, stderr) = await RunServiceAsync(new()
        {
            ["ConnectionStrings__TumorBoard"] = "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none",
            ["Auth__SigningKey"] = "short-key",
        });

        Assert.Equal(1, exitCode);
        Assert.Contains("Auth__SigningKey is not set or shorter than 32 bytes", stderr, StringComparison.Ordinal);
    }

    /// <summary>Runs the service in Production with exactly the given TumorBoard settings (inherited ones removed).</summary>
    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunServiceAsync(Dictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TumorBoard.Api.dll"));
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)
                     || k.StartsWith("Auth__", StringComparison.Ordinal) || k.StartsWith("Database__", StringComparison.Ordinal)
                     || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The service did not exit; it should have refused to start. Output: {await stdout}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
