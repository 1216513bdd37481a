using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.Tests.Infrastructure;

namespace TumorBoard.Api.Tests.Errors;

/// <summary>Errors that teach: why a token was refused, which role is needed, which field is wrong, where to look a patient up.</summary>
public sealed class TeachingErrorTests(TumorBoardApp app) : ApiTest(app)
{
    private static readonly string[] FrameworkWords = ["Implicit body inferred", "Failed to bind parameter", "System.", "Microsoft.", "Did you mean"];

    [Fact]
    public async Task A_request_without_a_token_is_a_401_saying_the_token_is_missing_as_problem_details_on_api_and_operation_outcome_on_fhir()
    {
        var api = await App.CreateClient().GetAsync($"/api/patients/{Guid.NewGuid()}");
        var fhir = await App.CreateClient().PostAsync("/fhir/Bundle", FhirJson("{}"));

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        Assert.Contains("No token", (await ReadJsonAsync(api)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, fhir.StatusCode);
        var outcome = await ReadJsonAsync(fhir);
        Assert.Equal("OperationOutcome", outcome.GetProperty("resourceType").GetString());
        Assert.Equal("login", outcome.GetProperty("issue")[0].GetProperty("code").GetString());
        Assert.Contains("No token", outcome.GetProperty("issue")[0].GetProperty("diagnostics").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_token_is_a_401_naming_the_instant_it_expired_in_UTC()
    {
        var expiredAt = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        var client = ClientWith(Token(expiredAt.AddHours(-1), expiredAt, App.Services.GetRequiredService<AuthOptions>().SigningKey));

        var response = await client.GetAsync($"/api/patients/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("expired at 2026-01-02T03:04:05Z", (await ReadJsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_a_401_saying_the_signature_is_bad()
    {
        var now = DateTime.UtcNow;
        var client = ClientWith(Token(now.AddMinutes(-1), now.AddHours(1), "another-key-that-is-long-enough-for-hmac-sha256!"));

        var response = await client.GetAsync($"/api/patients/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("signature", (await ReadJsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_role_is_a_403_naming_the_roles_required_and_those_the_token_has()
    {
        var coordinator = App.CreateClient("coordinator-1", Roles.Trials);

        var api = await coordinator.PostAsJsonAsync($"/api/evaluations/{Guid.NewGuid()}/sign-off", new { comment = "x" });
        var fhir = await App.CreateClient("dr-a", Roles.Board).PostAsync("/fhir/Bundle", FhirJson("{}"));

        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        var problem = await ReadJsonAsync(api);
        Assert.Equal("This operation needs one of the roles: board, admin.", problem.GetProperty("title").GetString());
        Assert.Equal(["trials"], problem.GetProperty("tokenRoles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, fhir.StatusCode);
        var outcome = await ReadJsonAsync(fhir);
        Assert.Equal("forbidden", outcome.GetProperty("issue")[0].GetProperty("code").GetString());
        Assert.Contains("ingest, admin", outcome.GetProperty("issue")[0].GetProperty("diagnostics").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/patients/MRN-0001")]
    [InlineData("/api/patients/MRN-0001/recommendations")]
    public async Task A_patient_id_that_is_an_identifier_is_a_404_pointing_to_the_identifier_search(string url)
    {
        var response = await Board.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("GET /api/patients?identifier=system|value", (await ReadJsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_fhir_routes_a_non_uuid_patient_and_an_unknown_route_are_404_operation_outcomes()
    {
        var patient = await Board.GetAsync("/fhir/Patient/MRN-0001/$recommendations");
        var unknown = await Board.GetAsync("/fhir/Observation/123");

        Assert.Equal(HttpStatusCode.NotFound, patient.StatusCode);
        Assert.Equal("application/fhir+json", patient.Content.Headers.ContentType!.MediaType);
        Assert.Contains("/api/patients?identifier=", (await ReadJsonAsync(patient)).GetProperty("issue")[0].GetProperty("diagnostics").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("not-found", (await ReadJsonAsync(unknown)).GetProperty("issue")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_missing_body_is_a_400_asking_for_json_with_an_example_and_no_framework_wording()
    {
        var response = await Board.PostAsync($"/api/recommendations/{Guid.NewGuid()}/reviews", null);

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.All(FrameworkWords, w => Assert.DoesNotContain(w, text, StringComparison.Ordinal));
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal("A JSON request body is required.", problem.GetProperty("title").GetString());
        Assert.Equal("modified", problem.GetProperty("example").GetProperty("decision").GetString());
    }

    [Fact]
    public async Task A_body_field_of_the_wrong_type_is_a_400_naming_the_field()
    {
        var response = await Board.PostAsync($"/api/recommendations/{Guid.NewGuid()}/reviews",
            new StringContent("""{"decision": "accepted", "drugs": "osimertinib"}""", Encoding.UTF8, "application/json"));

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.All(FrameworkWords, w => Assert.DoesNotContain(w, text, StringComparison.Ordinal));
        Assert.Equal("drugs", JsonDocument.Parse(text).RootElement.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_query_parameter_of_the_wrong_type_is_a_400_saying_what_was_expected()
    {
        var response = await Board.GetAsync($"/api/patients/{Guid.NewGuid()}/audit?limit=ten");

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.All(FrameworkWords, w => Assert.DoesNotContain(w, text, StringComparison.Ordinal));
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal("limit", problem.GetProperty("field").GetString());
        Assert.Contains("whole number, e.g. limit=1", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private HttpClient ClientWith(string token)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private string Token(DateTime notBefore, DateTime expires, string key)
    {
        var options = App.Services.GetRequiredService<AuthOptions>();
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity([new Claim("sub", "dr-a"), new Claim("role", Roles.Board)]),
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
    }
}
