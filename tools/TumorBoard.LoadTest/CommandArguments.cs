using System.Globalization;

namespace TumorBoard.LoadTest;

/// <summary>The command and its <c>--name value</c> options.</summary>
public sealed class CommandArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.OrdinalIgnoreCase);

    private CommandArguments(string command) => Command = command;

    public string Command { get; }

    public static CommandArguments Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0)
        {
            throw new ArgumentException("No command given.");
        }

        var parsed = new CommandArguments(args[0]);
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected '--name value', got '{args[i]}'.");
            }

            parsed._options[args[i][2..]] = args[++i];
        }

        return parsed;
    }

    public string Text(string name, string fallback) => _options.GetValueOrDefault(name, fallback);

    public int Number(string name, int fallback) =>
        _options.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
