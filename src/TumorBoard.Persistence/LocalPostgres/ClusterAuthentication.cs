using System.Security.Cryptography;

namespace TumorBoard.Persistence.LocalPostgres;

/// <summary>
/// Password (SCRAM-SHA-256) authentication for the local cluster: anything that reaches the loopback port
/// (another user on the machine, a browser-borne request) still needs the password. The password is
/// generated once per cluster and kept beside the data folder (<c>pgdata.password</c>, mode 0600).
/// </summary>
internal static class ClusterAuthentication
{
    public const string Method = "scram-sha-256";

    public static string PasswordFile(string dataDirectory) => dataDirectory.TrimEnd(Path.DirectorySeparatorChar) + ".password";

    /// <summary>The cluster's superuser password, created on first use.</summary>
    public static string ReadOrCreatePassword(string dataDirectory)
    {
        var file = PasswordFile(dataDirectory);
        if (File.Exists(file))
        {
            return File.ReadAllText(file).Trim();
        }

        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        File.WriteAllText(file, password);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return password;
    }

    /// <summary>
    /// True when pg_hba.conf lets anyone in without a password (<c>trust</c>): clusters initialised by
    /// earlier versions of TumorBoard, which are upgraded in place rather than thrown away.
    /// </summary>
    public static bool AllowsTrust(string dataDirectory) =>
        HbaRules(File.ReadAllLines(HbaFile(dataDirectory))).Any(fields => fields[^1] == "trust");

    /// <summary>Replaces every <c>trust</c> rule by a password rule (the server must then reload its configuration).</summary>
    public static void RequirePasswords(string dataDirectory)
    {
        var lines = File.ReadAllLines(HbaFile(dataDirectory))
            .Select(line => IsRule(line) && Fields(line)[^1] == "trust" ? line[..line.LastIndexOf("trust", StringComparison.Ordinal)] + Method : line);
        File.WriteAllLines(HbaFile(dataDirectory), lines);
    }

    private static string HbaFile(string dataDirectory) => Path.Combine(dataDirectory, "pg_hba.conf");

    private static IEnumerable<string[]> HbaRules(IEnumerable<string> lines) => lines.Where(IsRule).Select(Fields);

    private static bool IsRule(string line) => line.TrimStart() is { Length: > 0 } trimmed && !trimmed.StartsWith('#');

    private static string[] Fields(string line) => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}
