using Microsoft.EntityFrameworkCore;
using TumorBoard.Api.Features.Audit;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.ReadModels;
using TumorBoard.Core.Patients;
using TumorBoard.Fhir.Output;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Mapping;
using TumorBoard.Persistence.Queries;

namespace TumorBoard.Api.Features.Fhir;

/// <summary>
/// GET /fhir/Patient/{id}/$recommendations: the board's signed-off evaluation (final; or on request the latest, preliminary
/// unless signed off) as a Genomics Reporting STU3 collection
/// Bundle for the EHR (genomic report, variants, therapeutic and trial implications, Tasks for accepted therapies).
/// </summary>
public static class FhirRecommendationsApi
{
    public static IEndpointRouteBuilder MapFhirRecommendations(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/fhir/Patient/{patientId:guid}/$recommendations", GetAsync)
            .WithTags("FHIR")
            .WithSummary("The patient's signed-off evaluation (final) as a Genomics Reporting STU3 Bundle; ?evaluation=latest exports the pending one (preliminary)")
            .Produces(StatusCodes.Status200OK, contentType: RecommendationBundleFactory.MediaType)
            .Produces(StatusCodes.Status404NotFound, contentType: OperationOutcomeFactory.MediaType)
            .RequireAuthorization(Policies.ReadPatients);
        return routes;
    }

    private static async Task<IResult> GetAsync(Guid patientId, string? evaluation, TumorBoardDbContext db, Knowledge knowledge, AuditLog audit, CancellationToken ct)
    {
        if (evaluation is not (null or "" or "signedOff" or "latest"))
        {
            return Outcome(StatusCodes.Status400BadRequest, "invalid",
                "evaluation must be signedOff (the default: the board's signed-off record, status final) or latest (the newest evaluation; preliminary unless signed off). Example: ?evaluation=latest");
        }

        var patient = await db.Patients.AsNoTracking().Include(p => p.Identifiers).SingleOrDefaultAsync(p => p.Id == patientId, ct);
        if (patient is null)
        {
            return Outcome(StatusCodes.Status404NotFound, "not-found", $"No patient {patientId}.");
        }

        var history = await EvaluationHistory.LoadAsync(db, patientId, patient.LatestEvaluationId, ct);
        var chosen = evaluation == "latest" ? patient.LatestEvaluationId : history.SignedOff?.Id;
        if (chosen is not { } evaluationId)
        {
            return Outcome(StatusCodes.Status404NotFound, "not-found", evaluation == "latest"
                ? $"Patient {patientId} has no evaluation yet."
                : $"Patient {patientId} has no signed-off evaluation yet. The pending one is exported on request, marked preliminary: ?evaluation=latest");
        }

        var document = (await EvaluationReader.ReadAsync(db, knowledge, evaluationId, ct))!;
        var rows = await db.WithSpecimenRole(db.Alterations.AsNoTracking().Where(a => document.ReportIds.Contains(a.ReportId))).ToListAsync(ct);
        var variants = rows.Select(x => new ReportedVariant(x.Alteration.Id.ToString(), AlterationMapper.ToDomain(x.Alteration), x.Alteration.ReportId.ToString(), EnumText.Parse<SpecimenRole>(x.Role))).ToList();
        var input = RecommendationInputMapper.Map(document, patient, variants, v => GeneIds.For(v, knowledge.Vocabulary.Genes));

        await audit.RecordReadAsync("fhir-recommendations", evaluationId.ToString(), patientId, ct);
        return Results.Text(RecommendationBundleFactory.Create(input), RecommendationBundleFactory.MediaType);
    }

    private static IResult Outcome(int status, string code, string diagnostics) =>
        Results.Text(OperationOutcomeFactory.SingleError(code, diagnostics), OperationOutcomeFactory.MediaType, statusCode: status);
}
