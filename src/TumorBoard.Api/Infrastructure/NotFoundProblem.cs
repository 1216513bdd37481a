using Microsoft.AspNetCore.Http.HttpResults;

namespace TumorBoard.Api.Infrastructure;

internal static class NotFoundProblem
{
    /// <summary>A 404 as application/problem+json, naming what was not found.</summary>
    public static ProblemHttpResult For(string entity, Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No {entity} with id {id}.");
}
