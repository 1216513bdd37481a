using Microsoft.AspNetCore.Http.HttpResults;

namespace TumorBoard.Api.Infrastructure;

/// <summary>How the API answers a query's or command's <see cref="Failure"/>: application/problem+json with its status, title, detail and extensions.</summary>
internal static class FailureResults
{
    public static ProblemHttpResult ToProblem(this Failure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return TypedResults.Problem(
            statusCode: failure.Kind switch
            {
                FailureKind.Invalid => StatusCodes.Status400BadRequest,
                FailureKind.NotFound => StatusCodes.Status404NotFound,
                FailureKind.Conflict => StatusCodes.Status409Conflict,
                FailureKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
                _ => throw new ArgumentOutOfRangeException(nameof(failure), failure.Kind, "Unknown failure kind."),
            },
            title: failure.Title,
            detail: failure.Detail,
            extensions: failure.Extensions is null ? null : new Dictionary<string, object?>(failure.Extensions));
    }

    /// <summary>200 with the value, or the failure's ProblemDetails.</summary>
    public static Results<Ok<T>, ProblemHttpResult> ToOk<T>(this Outcome<T> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value) : outcome.Failure.ToProblem();
    }

    /// <summary>201 with the value at <paramref name="location"/>'s answer, or the failure's ProblemDetails.</summary>
    public static Results<Created<T>, ProblemHttpResult> ToCreated<T>(this Outcome<T> outcome, Func<T, string> location)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(location);
        return outcome.Succeeded ? TypedResults.Created(location(outcome.Value!), outcome.Value) : outcome.Failure.ToProblem();
    }
}
