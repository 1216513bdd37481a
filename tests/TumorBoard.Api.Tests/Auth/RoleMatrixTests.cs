using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.Tests.Infrastructure;

namespace TumorBoard.Api.Tests.Auth;

/// <summary>
/// Every endpoint the service registers (ASP.NET's endpoint data source, not a hand-kept list) against
/// <see cref="RoleMatrix"/>: without a token 401, with each role outside its row 403 (a token without
/// roles too), with each role in its row neither 401 nor 403; anonymous rows answer without a token.
/// No answer may be a 5xx. A route without a row, or a row without a route, fails with what to change.
/// </summary>
public sealed partial class RoleMatrixTests(TumorBoardApp app) : ApiTest(app)
{
    private const string SampleGuid = "00000000-0000-4000-8000-000000000001";

    [Fact]
    public async Task Every_endpoint_answers_each_caller_as_the_contracts_role_matrix_says()
    {
        var endpoints = RegisteredEndpoints();
        var rows = RoleMatrix.Rows.ToDictionary(r => r.Key);
        var failures = new List<string>();

        foreach (var missing in endpoints.Where(e => !rows.ContainsKey(e.Key)))
        {
            failures.Add($"No row in the role matrix for {missing.Key}. Add this line to RoleMatrix.Rows in tests/TumorBoard.Api.Tests/Auth/RoleMatrix.cs "
                + $"with the roles the contract gives the route:{Environment.NewLine}"
                + $"        Only(\"{missing.Method}\", \"{missing.Route}\", Board, Trials, Admin),{Environment.NewLine}"
                + $"    or, for a route the contract makes anonymous (and marked AllowAnonymous()):{Environment.NewLine}"
                + $"        Anyone(\"{missing.Method}\", \"{missing.Route}\"),");
        }

        var registered = endpoints.Select(e => e.Key).ToHashSet();
        foreach (var stale in RoleMatrix.Rows.Where(r => !registered.Contains(r.Key)))
        {
            failures.Add($"RoleMatrix.Rows has {stale.Key} but the service registers no such endpoint: fix its method/route or remove the row.");
        }

        foreach (var row in RoleMatrix.Rows.Where(r => registered.Contains(r.Key)))
        {
            await CheckAsync(row, failures);
        }

        Assert.True(failures.Count == 0, $"{failures.Count} role matrix failure(s):{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    private async Task CheckAsync(RoleRow row, List<string> failures)
    {
        var anonymous = await SendAsync(App.CreateClient(), row);
        if (row.Roles is null)
        {
            Expect(anonymous is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), "without a token", "an answer (anonymous route)", anonymous);
            return;
        }

        Expect(anonymous == HttpStatusCode.Unauthorized, "without a token", "401", anonymous);
        var roleless = await SendAsync(App.CreateClient("no-roles"), row);
        Expect(roleless == HttpStatusCode.Forbidden, "with a token without roles", "403", roleless);
        foreach (var role in Roles.All)
        {
            var status = await SendAsync(App.CreateClient($"matrix-{role}", role), row);
            if (row.Roles.Contains(role))
            {
                Expect(status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), $"as {role}", "neither 401 nor 403", status);
            }
            else
            {
                Expect(status == HttpStatusCode.Forbidden, $"as {role}", "403", status);
            }
        }

        void Expect(bool ok, string caller, string expected, HttpStatusCode actual)
        {
            if (!ok)
            {
                failures.Add($"{row.Key} {caller}: expected {expected}, got {(int)actual}.");
            }
        }
    }

    private async Task<HttpStatusCode> SendAsync(HttpClient client, RoleRow row)
    {
        var method = row.Method == "*" ? HttpMethods.Get : row.Method;
        var url = RouteParameter().Replace(row.Route, p => p.Groups["constraint"].Value.Contains("guid", StringComparison.Ordinal) ? SampleGuid : "sample");
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, row.Route.StartsWith("/fhir/", StringComparison.Ordinal) ? "application/fhir+json" : "application/json");
        }

        using var response = await client.SendAsync(request);
        Assert.True((int)response.StatusCode < 500, $"{method} {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response.StatusCode;
    }

    private List<RoleRow> RegisteredEndpoints()
    {
        var source = App.Services.GetRequiredService<EndpointDataSource>();
        return source.Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => new RoleRow(method, e.RoutePattern.RawText!, null)))
            .DistinctBy(e => e.Key)
            .OrderBy(e => e.Route, StringComparer.Ordinal)
            .ToList();
    }

    [GeneratedRegex(@"\{\**(?<name>[^}:=?]+)(?<constraint>[^}]*)\}")]
    private static partial Regex RouteParameter();
}
