using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using TumorBoard.Api.Features.Audit;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.ReadModels;
using TumorBoard.Core.Pairs;
using TumorBoard.Persistence;

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
        Guid patientId, Guid? from, Guid? to, TumorBoardDbContext db, AuditLog audit, CancellationToken ct)
    {
        var (comparison, basis, _, problem) = await CompareAsync(patientId, from, to, db, ct);
        if (problem is null)
        {
            await audit.RecordReadAsync("comparison", patientId.ToString(), patientId, ct);
        }

        return problem ?? (Results<Ok<ComparisonDto>, ProblemHttpResult>)TypedResults.Ok(ToDto(comparison!, basis));
    }

    private static async Task<IResult> SvgAsync(Guid patientId, Guid? from, Guid? to, TumorBoardDbContext db, AuditLog audit, CancellationToken ct)
    {
        var (comparison, _, context, problem) = await CompareAsync(patientId, from, to, db, ct);
        if (problem is null)
        {
            await audit.RecordReadAsync("comparison", patientId.ToString(), patientId, ct);
        }

        return problem ?? Results.Text(PairScatterSvg.Render(comparison!, context), "image/svg+xml");
    }

    /// <summary>The comparison, its basis and the picture's context (named samples, therapies), or the problem; shared with the board pages.</summary>
    internal static async Task<(PairComparison? Comparison, PairBasis Basis, PairPlotContext? Context, ProblemHttpResult? Problem)> CompareAsync(
        Guid patientId, Guid? from, Guid? to, TumorBoardDbContext db, CancellationToken ct)
    {
        var snapshot = await PatientSnapshotLoader.LoadAsync(db, patientId, ct);
        if (snapshot is null)
        {
            return (null, default, null, NotFoundProblem.For("patient", patientId));
        }

        var selection = PairSelector.Select(snapshot.Reports, from?.ToString(), to?.ToString());
        switch (selection)
        {
            case NotEnoughReports n:
                return (null, default, null, TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                    title: $"A comparison needs two comparable tumour reports; the patient has {n.ComparableReportCount}."));
            case UnknownReport u:
                return (null, default, null, TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Report {u.ReportId} is not one of the patient's reports."));
            case InvalidPairRequest invalid:
                return (null, default, null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: invalid.Reason));
        }

        var pair = (SelectedPair)selection;
        var resistance = ResistanceEvidence.FromKeys(await ResistantKeysAsync(db, snapshot.Patient.LatestEvaluationId, ct));
        return (PairComparer.Compare(pair.From, pair.To, resistance), pair.Basis, PairPlotContexts.For(snapshot, pair.From, pair.To), null);
    }

    /// <summary>Alteration keys with a resistance finding in the latest evaluation: what makes an acquired alteration emergent resistance.</summary>
    private static async Task<IReadOnlyList<string>> ResistantKeysAsync(TumorBoardDbContext db, Guid? evaluationId, CancellationToken ct)
    {
        if (evaluationId is not { } id || await EvaluationReader.LoadStoredAsync(db, id, ct) is not { } evaluation)
        {
            return [];
        }

        return evaluation.Therapies.Where(t => t.Effect == "resistant").Select(t => t.AlterationKey).Distinct().ToList();
    }

    internal static ComparisonDto ToDto(PairComparison c, PairBasis basis) => new(
        Guid.Parse(c.FromReportId),
        Guid.Parse(c.ToReportId),
        Camel(c.FromRole),
        Camel(c.ToRole),
        Camel(basis),
        c.Concordance,
        c.SharedCount,
        c.ComparedCount,
        c.Alterations.Select(a => new ComparedAlterationDto(
            a.Key, a.Gene, Camel(a.Kind), Camel(a.Status), a.VafFrom, a.VafTo, a.ValueFrom, a.ValueTo, a.Flags.Select(Camel).ToList())).ToList());

    private static string Camel<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
