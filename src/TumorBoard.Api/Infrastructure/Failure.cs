namespace TumorBoard.Api.Infrastructure;

/// <summary>Why a query or command did not do what was asked, in its own terms; <see cref="FailureResults"/> maps each kind to its status code.</summary>
public enum FailureKind
{
    /// <summary>The request itself is malformed (a parameter out of range, an unknown filter, a cursor not issued for it).</summary>
    Invalid,

    /// <summary>What the request names does not exist.</summary>
    NotFound,

    /// <summary>The request is well formed but the current state forbids it (already signed off, too few reports).</summary>
    Conflict,

    /// <summary>The request is well formed but a value in it is not acceptable.</summary>
    Unprocessable,
}

/// <summary>A failure with what a person reads (title, detail) and the machine-readable facts that go with it (extensions).</summary>
public sealed record Failure(FailureKind Kind, string Title, string? Detail = null, IReadOnlyDictionary<string, object?>? Extensions = null)
{
    public static Failure NotFound(string entity, Guid id) => new(FailureKind.NotFound, $"No {entity} with id {id}.");
}
