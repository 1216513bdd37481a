using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TumorBoard.Api.Infrastructure;

internal static class OpenApiSetup
{
    public const string DocumentPath = "/openapi/v1.json";

    public static IServiceCollection AddTumorBoardOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<BearerSecurityTransformer>();
            options.AddOperationTransformer<ExampleOperationTransformer>();
            options.AddOperationTransformer<OpenApiResponseExamples>();
            options.AddOperationTransformer<OpenApiAuthAndErrors>();
            options.AddSchemaTransformer<OpenApiSchemaDetails>();
        });
        return services;
    }

    public static WebApplication MapTumorBoardOpenApi(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath).AllowAnonymous();
        app.UseSwaggerUI(ui =>
        {
            ui.SwaggerEndpoint(DocumentPath, "TumorBoard v1");
            ui.RoutePrefix = "swagger";
            ui.DocumentTitle = "TumorBoard API";
            // The pasted token survives a page reload, so a board member authorizes once per session.
            ui.ConfigObject.PersistAuthorization = true;
        });
        return app;
    }
}

/// <summary>Declares the bearer scheme so the Swagger UI shows its Authorize button and sends the token where an operation needs one.</summary>
internal sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "TumorBoard API";
        document.Info.Description = "Precision-oncology molecular tumor board: FHIR ingestion, paired comparison, cited recommendations, trial eligibility. "
            + "Get a token from POST /auth/dev-token (Development only) and press Authorize.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A JWT whose role claim holds ingest, board, trials or admin.",
        };
        // No document-wide requirement: each operation that needs a token declares it (OpenApiAuthAndErrors), so
        // anonymous operations (metadata, dev-token) show no lock.
        return Task.CompletedTask;
    }
}
