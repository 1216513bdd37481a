using System.Diagnostics.CodeAnalysis;

namespace TumorBoard.Api.Infrastructure;

/// <summary>
/// What a feature's query or command answers: its value, or the failure that stopped it. No HTTP type, so an endpoint
/// (which maps the failure to ProblemDetails, <see cref="FailureResults"/>) and a board page (which shows its title)
/// call the same code.
/// </summary>
public sealed class Outcome<T>
{
    public Outcome(T value) => Value = value;

    public Outcome(Failure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        Failure = failure;
    }

    /// <summary>The answer; default when <see cref="Failure"/> is set.</summary>
    public T? Value { get; }

    public Failure? Failure { get; }

    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Failure is null;
}
