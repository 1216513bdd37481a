using Microsoft.AspNetCore.Http.HttpResults;

namespace TumorBoard.Api.Infrastructure;

internal static class NotFoundProblem
{
    /// <summary>A 404 as application/problem+json, naming what was not found.</summary>
    public static ProblemHttpResult For(string entity, Guid id) => Failure.NotFound(entity, id).ToProblem();
}
