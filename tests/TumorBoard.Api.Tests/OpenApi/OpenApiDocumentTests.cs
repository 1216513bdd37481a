using System.Text.Json;
using TumorBoard.Api.Tests.Infrastructure;

namespace TumorBoard.Api.Tests.OpenApi;

/// <summary>The Swagger UI must be usable in a board meeting: every route explained, examples, and the bearer button.</summary>
public sealed class OpenApiDocumentTests(TumorBoardApp app) : ApiTest(app)
{
    private async Task<JsonElement> DocumentAsync() => await GetAsync<JsonElement>(App.CreateClient(), "/openapi/v1.json");

    [Fact]
    public async Task Every_operation_has_a_summary()
    {
        var document = await DocumentAsync();

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Route: $"{op.Name.ToUpperInvariant()} {path.Name}", Operation: op.Value)))
            .ToList();

        var routes = operations.Select(o => o.Route).ToHashSet();
        string[] contract =
        [
            "POST /fhir/Bundle", "GET /fhir/metadata", "GET /api/patients", "GET /api/patients/{patientId}", "GET /api/patients/{patientId}/alterations",
            "GET /api/patients/{patientId}/comparison", "GET /api/patients/{patientId}/recommendations", "GET /api/evaluations/{evaluationId}",
            "POST /api/patients/{patientId}/evaluations", "POST /api/recommendations/{recommendationId}/reviews", "POST /api/evaluations/{evaluationId}/sign-off",
            "GET /api/patients/{patientId}/audit", "GET /api/trials", "GET /api/trials/{trialId}", "GET /api/trials/{trialId}/arms/{armId}/patients",
            "PATCH /api/trials/{trialId}/arms/{armId}", "GET /api/knowledge-base", "POST /auth/dev-token",
        ];
        Assert.All(contract, route => Assert.Contains(route, routes));
        Assert.All(operations, o => Assert.False(
            !o.Operation.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString()),
            $"{o.Route} has no summary"));
    }

    [Fact]
    public async Task The_ingestion_route_shows_an_example_bundle_and_the_bearer_scheme_is_declared()
    {
        var document = await DocumentAsync();

        var example = document.GetProperty("paths").GetProperty("/fhir/Bundle").GetProperty("post")
            .GetProperty("requestBody").GetProperty("content").GetProperty("application/fhir+json").GetProperty("example");
        Assert.Equal("Bundle", example.GetProperty("resourceType").GetString());
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
    }
}
