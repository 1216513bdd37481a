using Microsoft.AspNetCore.Http.HttpResults;

namespace TumorBoard.Api.Infrastructure;

/// <summary>
/// The one check every paged route makes before it touches the database: a page or size out of range
/// is a 400 ProblemDetails that states the allowed range (never clamped silently, never an OFFSET that
/// overflows into a 500).
/// </summary>
internal static class Paging
{
    /// <summary>Page numbers start at 1; the last allowed page keeps (page - 1) * size well inside an int.</summary>
    public const int MaxPage = 1_000_000;

    /// <summary>Null when every given value lies in its range; otherwise the 400 naming each value that does not.</summary>
    public static ProblemHttpResult? Check(params (string Name, int? Value, int Minimum, int Maximum)[] parameters) => OutOfRange(parameters)?.ToProblem();

    /// <summary>Null when every given value lies in its range; otherwise the failure naming each value that does not, with the allowed ranges.</summary>
    public static Failure? OutOfRange(params (string Name, int? Value, int Minimum, int Maximum)[] parameters)
    {
        var errors = parameters
            .Where(p => p.Value is { } v && (v < p.Minimum || v > p.Maximum))
            .ToDictionary(p => p.Name, p => new[] { $"{p.Name} must be between {p.Minimum} and {p.Maximum}; it was {p.Value}." });
        if (errors.Count == 0)
        {
            return null;
        }

        var ranges = parameters.ToDictionary(p => p.Name, p => (object?)new { minimum = p.Minimum, maximum = p.Maximum });
        return new Failure(
            FailureKind.Invalid,
            "A paging parameter is out of range.",
            string.Join(" ", errors.Values.SelectMany(e => e)),
            new Dictionary<string, object?> { ["errors"] = errors, ["allowed"] = ranges });
    }
}
