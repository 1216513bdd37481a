using Microsoft.Extensions.Options;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Fhir;
using TumorBoard.Fhir.Output;

namespace TumorBoard.Api.Features.Ingestion;

/// <summary>
/// POST /fhir/Bundle: EHR integrations post genomic reports. Every error is a FHIR OperationOutcome
/// naming each issue and where it is; nothing is stored unless the whole bundle is accepted.
/// </summary>
public static class IngestionApi
{
    public static IEndpointRouteBuilder MapIngestion(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/fhir/Bundle", IngestAsync)
            .WithTags("FHIR")
            .WithSummary("Ingest a Bundle of genomic reports (Genomics Reporting STU2/STU3, mCODE)")
            .WithDescription("Accepts application/fhir+json, application/json or application/fhir+xml. 201 when something was stored, "
                + "200 when every report was already stored with the same content. Errors are OperationOutcomes: 400 unparseable, "
                + "409 conflicting report, 413 too large, 415 media type, 422 unprocessable.")
            .Produces<IngestResponse>(StatusCodes.Status201Created)
            .Produces<IngestResponse>(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status400BadRequest, contentType: OperationOutcomeFactory.MediaType)
            .Produces(StatusCodes.Status409Conflict, contentType: OperationOutcomeFactory.MediaType)
            .Produces(StatusCodes.Status413PayloadTooLarge, contentType: OperationOutcomeFactory.MediaType)
            .Produces(StatusCodes.Status415UnsupportedMediaType, contentType: OperationOutcomeFactory.MediaType)
            .Produces(StatusCodes.Status422UnprocessableEntity, contentType: OperationOutcomeFactory.MediaType)
            .WithExample(DemoBundles.Read("squamous-lung-pik3ca.json"), StatusCodes.Status201Created, ApiExamples.IngestResponse, "application/fhir+json")
            .RequireAuthorization(Policies.Ingest);
        return routes;
    }

    private static async Task<IResult> IngestAsync(
        HttpContext context,
        Knowledge knowledge,
        BundleStore store,
        IOptions<IngestionOptions> options,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var request = context.Request;
        var limit = options.Value.MaxBundleBytes;
        var readSpan = IngestionTelemetry.Stage("ingest.read-body");
        var (failure, body) = await BundleBodyReader.ReadAsync(request, limit, cancellationToken);
        readSpan?.Dispose();
        switch (failure)
        {
            case BundleBodyReader.Failure.UnsupportedMediaType:
                return Outcome(StatusCodes.Status415UnsupportedMediaType, OperationOutcomeFactory.UnsupportedMediaType(request.ContentType));
            case BundleBodyReader.Failure.TooLarge:
                return Outcome(StatusCodes.Status413PayloadTooLarge, OperationOutcomeFactory.PayloadTooLarge(limit));
        }

        var format = BundleBodyReader.IsXml(request.ContentType) ? FhirFormat.Xml : FhirFormat.Json;
        BundleReadResult read;
        using (IngestionTelemetry.Stage("ingest.parse"))
        {
            read = knowledge.BundleReader.Read(body, format);
        }

        if (read.IsMalformed)
        {
            return Outcome(StatusCodes.Status400BadRequest, OperationOutcomeFactory.FromIssues(read.Issues));
        }

        var bundle = read.Bundle!;
        if (bundle.HasErrors)
        {
            return Outcome(StatusCodes.Status422UnprocessableEntity, OperationOutcomeFactory.FromIssues(bundle.Issues));
        }

        IngestOutcome outcome;
        try
        {
            outcome = await store.StoreAsync(bundle, new RawBundle(body, request.ContentType!), context.Subject(), cancellationToken);
        }
        catch (Exception e) when (BundleStore.IsUniqueViolation(e))
        {
            // A concurrent post stored the same identifiers between our check and our insert.
            loggers.CreateLogger(typeof(IngestionApi)).LostUniqueKeyRace();
            return Outcome(StatusCodes.Status409Conflict, OperationOutcomeFactory.SingleError("conflict",
                "A concurrent request stored the same report or patient identifier; retry the request."));
        }

        return outcome switch
        {
            IngestOutcome.Stored s => Results.Created($"/api/patients/{s.PatientId}", new IngestResponse(s.PatientId, s.ReportIds, s.EvaluationId, s.Warnings)),
            IngestOutcome.Unchanged u => Results.Ok(new IngestResponse(u.PatientId, u.ReportIds, u.EvaluationId, u.Warnings)),
            IngestOutcome.Conflict c => Outcome(StatusCodes.Status409Conflict, OperationOutcomeFactory.FromIssues(c.Issues)),
            _ => throw new InvalidOperationException("Unknown ingestion outcome."),
        };
    }

    private static IResult Outcome(int status, string operationOutcomeJson) =>
        Results.Text(operationOutcomeJson, OperationOutcomeFactory.MediaType, statusCode: status);
}
