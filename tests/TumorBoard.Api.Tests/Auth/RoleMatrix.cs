using TumorBoard.Api.Infrastructure;

namespace TumorBoard.Api.Tests.Auth;

/// <summary>
/// Who may call what: one row per endpoint (HTTP method and route template exactly as ASP.NET registers
/// them), from the role table of the HTTP contract. <see cref="RoleMatrixTests"/> finds every endpoint of
/// the running service and checks it against its row, so a new route without a row fails the build's tests.
/// <para>
/// Adding a route: add one line below, <c>Only("METHOD", "/route/{template}", roles...)</c> with the roles
/// the contract allows, or <c>Anyone("METHOD", "/route")</c> for a route the contract makes anonymous (the
/// endpoint must say <c>AllowAnonymous()</c>; everything else requires a token), or <c>Page("route")</c> for a
/// board page behind the sign-in cookie. The test's failure
/// message prints the exact line to paste for a route it does not know. <c>"*"</c> is an endpoint that
/// accepts any method (health checks).
/// </para>
/// </summary>
public static class RoleMatrix
{
    // The contract's roles, short for the rows (Trials would otherwise name the test namespace).
    private const string Ingest = Roles.Ingest;
    private const string Board = Roles.Board;
    private const string Trials = Roles.Trials;
    private const string Admin = Roles.Admin;

    public static readonly RoleRow[] Rows =
    [
        // Anonymous (contract: /health/*, /fhir/metadata, the OpenAPI document, the Swagger UI; dev-token in Development only).
        Anyone("*", "/health/live"),
        Anyone("*", "/health/ready"),
        Anyone("GET", "/fhir/metadata"),
        Anyone("GET", "/openapi/v1.json"),
        Anyone("POST", "/auth/dev-token"),

        // Ingestion.
        Only("POST", "/fhir/Bundle", Ingest, Admin),

        // Patient, comparison, recommendation and evaluation reads.
        Only("GET", "/api/patients/", Board, Trials, Admin),
        Only("GET", "/api/patients/{patientId:guid}", Board, Trials, Admin),
        Only("GET", "/api/patients/{patientId:guid}/alterations", Board, Trials, Admin),
        Only("GET", "/api/patients/{patientId:guid}/comparison", Board, Trials, Admin),
        Only("GET", "/api/patients/{patientId:guid}/comparison.svg", Board, Trials, Admin),
        Only("GET", "/api/patients/{patientId:guid}/evolution", Board, Trials, Admin),
        Only("GET", "/api/patients/{patientId:guid}/evolution.svg", Board, Trials, Admin),
        Only("GET", "/api/patients/{patientId:guid}/trajectory.svg", Board, Trials, Admin),
        Only("GET", "/api/patients/{patientId:guid}/recommendations", Board, Trials, Admin),
        Only("GET", "/api/evaluations/{evaluationId:guid}", Board, Trials, Admin),
        Only("GET", "/api/patients/{patientId:guid}/evaluations", Board, Trials, Admin),
        Only("GET", "/fhir/Patient/{patientId:guid}/$recommendations", Board, Trials, Admin),

        // Reviews, sign-off, re-evaluation.
        Only("POST", "/api/recommendations/{recommendationId:guid}/reviews", Board, Admin),
        Only("POST", "/api/evaluations/{evaluationId:guid}/sign-off", Board, Admin),
        Only("POST", "/api/patients/{patientId:guid}/evaluations", Board, Admin),
        Only("POST", "/api/evaluations/{evaluationId:guid}/reviews/carry-over", Board, Admin),

        // Trial reads and eligible-patient lists (the knowledge base is read like the trial catalog).
        Only("GET", "/api/trials/", Trials, Board, Admin),
        Only("GET", "/api/trials/{trialId}", Trials, Board, Admin),
        Only("GET", "/api/trials/{trialId}/arms/{armId}/patients", Trials, Board, Admin),
        Only("GET", "/api/knowledge-base", Trials, Board, Admin),

        // Arm status changes.
        Only("PATCH", "/api/trials/{trialId}/arms/{armId}", Trials, Admin),

        // CTML import (a new version of a trial) and export.
        Only("POST", "/api/trials/", Trials, Admin),
        Only("PUT", "/api/trials/{trialId}", Trials, Admin),
        Only("GET", "/api/trials/{trialId}/ctml", Trials, Board, Admin),
        Only("GET", "/api/trials/{trialId}/versions", Trials, Board, Admin),

        // Audit.
        Only("GET", "/api/patients/{patientId:guid}/audit", Board, Admin),

        // Background jobs (read like the trial catalog: ReadTrials).
        Only("GET", "/api/jobs/", Trials, Board, Admin),
        Only("GET", "/api/jobs/{jobId:guid}", Trials, Board, Admin),

        // Subscriptions to new matches (contract v2: trials, admin).
        Only("POST", "/api/subscriptions/", Trials, Admin),
        Only("GET", "/api/subscriptions/", Trials, Admin),
        Only("GET", "/api/subscriptions/{subscriptionId:guid}", Trials, Admin),
        Only("DELETE", "/api/subscriptions/{subscriptionId:guid}", Trials, Admin),
        Only("GET", "/api/subscriptions/{subscriptionId:guid}/deliveries", Trials, Admin),

        // Board pages (Razor Pages, any method, templates without a leading slash): cookie sign-in.
        Anyone("*", "board/sign-in"),
        Anyone("*", "board/denied"),
        Page("board"),
        Page("board/patients/{patientId:guid}"),
        Page("board/trials"),
        Page("board/trials/{trialId}/arms/{armId}"),
    ];

    /// <summary>A route anyone may call without a token.</summary>
    public static RoleRow Anyone(string method, string route) => new(method, route, null);

    /// <summary>A route that needs a token with one of <paramref name="roles"/>.</summary>
    public static RoleRow Only(string method, string route, params string[] roles) => new(method, route, roles);

    /// <summary>
    /// A board page: it authenticates with the board's sign-in cookie (never a bearer token) and its roles are
    /// the page policy's (BoardAuth, tested by the board tests); here: a caller without a session is sent to sign in.
    /// </summary>
    public static RoleRow Page(string route) => new("*", route, null, IsBoardPage: true);
}

/// <param name="Method">HTTP method, or <c>*</c> for an endpoint that accepts any.</param>
/// <param name="Route">The route template as registered (<c>RoutePattern.RawText</c>).</param>
/// <param name="Roles">The roles allowed; null for an anonymous route or a board page.</param>
/// <param name="IsBoardPage">A board page behind the sign-in cookie (see <see cref="RoleMatrix.Page"/>).</param>
public sealed record RoleRow(string Method, string Route, IReadOnlyList<string>? Roles, bool IsBoardPage = false)
{
    public string Key => $"{Method} {Route}";
}
