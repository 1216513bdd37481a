using Microsoft.EntityFrameworkCore;
using TumorBoard.Api.Features.Audit;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.Features.Recommendations;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Core.Patients;
using TumorBoard.Fhir.Output;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Mapping;

namespace TumorBoard.Api.Features.Fhir;

/// <summary>
/// GET /fhir/Patient/{id}/$recommendations: the latest evaluation as a Genomics Reporting STU3 collection
/// Bundle for the EHR (genomic report, variants, therapeutic and trial implications, Tasks for accepted therapies).
/// </summary>
public static class FhirRecommendationsApi
{
    public static IEndpointRouteBuilder MapFhirRecommendations(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/fhir/Patient/{patientId:guid}/$recommendations", GetAsync)
            .WithTags("FHIR")
            .WithSummary("The latest evaluation as a Genomics Reporting STU3 Bundle (validates against the IG profiles)")
            .Produces(StatusCodes.Status200OK, contentType: RecommendationBundleFactory.MediaType)
            .Produces(StatusCodes.Status404NotFound, contentType: OperationOutcomeFactory.MediaType)
            .RequireAuthorization(Policies.ReadPatients);
        return routes;
    }

    private static async Task<IResult> GetAsync(Guid patientId, TumorBoardDbContext db, Knowledge knowledge, AuditLog audit, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().Include(p => p.Identifiers).SingleOrDefaultAsync(p => p.Id == patientId, ct);
        if (patient?.LatestEvaluationId is not { } evaluationId)
        {
            return Results.Text(OperationOutcomeFactory.SingleError("not-found",
                patient is null ? $"No patient {patientId}." : $"Patient {patientId} has no evaluation yet."), OperationOutcomeFactory.MediaType, statusCode: StatusCodes.Status404NotFound);
        }

        var evaluation = (await EvaluationReader.ReadAsync(db, knowledge, evaluationId, ct))!;
        var rows = await (from a in db.Alterations.AsNoTracking()
                          join r in db.Reports on a.ReportId equals r.Id
                          where evaluation.ReportIds.Contains(a.ReportId)
                          orderby r.StoredAt, a.Ordinal
                          select new { a, Role = r.Specimen == null ? "unknown" : r.Specimen.Role })
            .ToListAsync(ct);
        var variants = rows.Select(x => new ReportedVariant(x.a.Id.ToString(), AlterationMapper.ToDomain(x.a), x.a.ReportId.ToString(), EnumText.Parse<SpecimenRole>(x.Role))).ToList();
        var input = RecommendationInputMapper.Map(evaluation, patient, variants, v => GeneIds.For(v, knowledge.Vocabulary.Genes));

        await audit.RecordReadAsync("fhir-recommendations", evaluationId.ToString(), patientId, ct);
        return Results.Text(RecommendationBundleFactory.Create(input), RecommendationBundleFactory.MediaType);
    }
}
