using Microsoft.AspNetCore.Http.HttpResults;
using TumorBoard.Api.Infrastructure;

namespace TumorBoard.Api.Features.Comparison;

/// <summary>The paired comparison (primary vs metastasis or ctDNA) as JSON and as the VAF-vs-VAF scatter picture.</summary>
public static class ComparisonApi
{
    public static IEndpointRouteBuilder MapComparison(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/patients/{patientId:guid}").WithTags("Comparison").RequireAuthorization(Policies.ReadPatients);
        group.MapGet("/comparison", GetAsync)
            .WithSummary("Shared, acquired, lost and not-tested alterations between two reports")
            .WithDescription("By default the latest primary against the latest metastasis (or ctDNA). from/to pick any two reports. 409 with fewer than two comparable reports.")
            .WithExample(null, StatusCodes.Status200OK, ApiExamples.Comparison)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/comparison.svg", SvgAsync)
            .WithSummary("VAF-vs-VAF scatter of the comparison (image/svg+xml)")
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml");
        return routes;
    }

    private static async Task<Results<Ok<ComparisonDto>, ProblemHttpResult>> GetAsync(
        Guid patientId, Guid? from, Guid? to, PairComparisonQuery comparisons, CancellationToken ct)
    {
        var compared = await comparisons.CompareAsync(patientId, from, to, ct);
        return compared.Succeeded ? TypedResults.Ok(compared.Value!.ToDto()) : compared.Failure.ToProblem();
    }

    private static async Task<IResult> SvgAsync(Guid patientId, Guid? from, Guid? to, PairComparisonQuery comparisons, CancellationToken ct)
    {
        var compared = await comparisons.CompareAsync(patientId, from, to, ct);
        return compared.Succeeded ? Results.Text(compared.Value!.ToSvg(), "image/svg+xml") : compared.Failure.ToProblem();
    }
}
