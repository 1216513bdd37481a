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

    private static IEnumerable<(string Route, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => ($"{op.Name.ToUpperInvariant()} {path.Name}", op.Value)));

    [Fact]
    public async Task Every_operation_has_a_success_example_and_secured_ones_name_their_roles_and_document_401_and_403()
    {
        var document = await DocumentAsync();

        Assert.All(Operations(document), o =>
        {
            var success = o.Operation.GetProperty("responses").EnumerateObject().First(r => r.Name.StartsWith('2'));
            Assert.True(success.Value.TryGetProperty("content", out var content) && content.EnumerateObject().Any(m => m.Value.TryGetProperty("example", out _)),
                $"{o.Route} has no success example");
            var secured = o.Operation.TryGetProperty("security", out var security) && security.GetArrayLength() > 0;
            if (secured)
            {
                Assert.True(o.Operation.TryGetProperty("x-roles", out _), $"{o.Route} does not name its roles");
                var responses = o.Operation.GetProperty("responses");
                Assert.True(responses.TryGetProperty("401", out _) && responses.TryGetProperty("403", out _), $"{o.Route} does not document 401 and 403");
            }
        });
    }

    [Fact]
    public async Task Anonymous_operations_show_no_lock_and_protected_ones_do()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).ToDictionary(o => o.Route, o => o.Operation);

        Assert.False(document.TryGetProperty("security", out var global) && global.GetArrayLength() > 0);
        Assert.Equal(0, operations["GET /fhir/metadata"].GetProperty("security").GetArrayLength());
        Assert.Equal(0, operations["POST /auth/dev-token"].GetProperty("security").GetArrayLength());
        Assert.Equal(["board", "admin"], operations["POST /api/evaluations/{evaluationId}/sign-off"].GetProperty("x-roles").EnumerateArray().Select(r => r.GetString()));
        var fhir404 = operations["GET /fhir/Patient/{patientId}/$recommendations"].GetProperty("responses").GetProperty("404").GetProperty("content");
        Assert.True(fhir404.TryGetProperty("application/fhir+json", out _));
        Assert.True(operations["GET /api/patients/{patientId}/comparison.svg"].GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("image/svg+xml", out _));
    }

    [Fact]
    public async Task The_review_decision_is_a_required_enum_and_clinical_fields_are_described()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");

        var review = schemas.GetProperty("ReviewRequest");
        Assert.Contains("decision", review.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["accepted", "rejected", "modified", "deferred"], review.GetProperty("properties").GetProperty("decision").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        var therapy = schemas.GetProperty("TherapyRecommendationDto").GetProperty("properties");
        Assert.All(["level", "effect", "sample"], name => Assert.False(string.IsNullOrWhiteSpace(therapy.GetProperty(name).GetProperty("description").GetString())));
    }
}
