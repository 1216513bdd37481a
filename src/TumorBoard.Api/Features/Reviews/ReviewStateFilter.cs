using Microsoft.EntityFrameworkCore;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Persistence;

namespace TumorBoard.Api.Features.Reviews;

/// <summary>
/// Runs before the body is validated: a review of an unknown recommendation is 404 and one of a signed-off
/// evaluation is 409, whatever the body says (the contract's answer, not a 422 about a comment nobody may
/// add any more). The handler checks the sign-off again under the evaluation's lock, for a sign-off that
/// lands in between.
/// </summary>
internal sealed class ReviewStateFilter(TumorBoardDbContext db) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var recommendationId = context.Arguments.OfType<Guid>().First();
        var ct = context.HttpContext.RequestAborted;
        var evaluationId = await db.Recommendations.AsNoTracking()
            .Where(r => r.Id == recommendationId).Select(r => (Guid?)r.EvaluationId).SingleOrDefaultAsync(ct);
        if (evaluationId is null)
        {
            return NotFoundProblem.For("recommendation", recommendationId);
        }

        return await db.SignOffs.AsNoTracking().SingleOrDefaultAsync(s => s.EvaluationId == evaluationId, ct) is { } signOff
            ? SignOffConflicts.AlreadySignedOff(evaluationId.Value, signOff).ToProblem()
            : await next(context);
    }
}
