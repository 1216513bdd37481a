using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace TumorBoard.Api.Infrastructure;

/// <summary>
/// Per operation: the roles it needs (in the description and as <c>x-roles</c>) and the bearer lock only where a
/// token is needed; the error responses it can give (400, 401, 403, 404, 409, 422) with ProblemDetails, or
/// OperationOutcome under /fhir, each with an example.
/// </summary>
internal sealed class OpenApiAuthAndErrors : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document!;
        OpenApiErrorSchemas.Ensure(document);
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var path = "/" + (description.RelativePath ?? string.Empty).TrimStart('/');
        var fhir = path.StartsWith("/fhir", StringComparison.Ordinal);
        var roles = await RolesAsync(metadata, context.ApplicationServices);
        operation.Responses ??= new OpenApiResponses();
        if (roles is not null)
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] }];
            var who = roles.Count == 0 ? "any authenticated token" : string.Join(", ", roles);
            operation.Description = (string.IsNullOrWhiteSpace(operation.Description) ? string.Empty : operation.Description + "\n\n") + $"**Roles:** {who}.";
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions["x-roles"] = new JsonNodeExtension(new JsonArray([.. roles.Select(r => JsonValue.Create(r))]));
            Add(operation, document, fhir, StatusCodes.Status401Unauthorized, "No token, an expired one (the body says when it expired) or a bad signature.",
                "Authentication required.", "The token expired at 2026-12-03T08:00:00Z: get a new one.");
            Add(operation, document, fhir, StatusCodes.Status403Forbidden, "The token lacks the role; the body names the roles that are allowed.",
                $"This operation needs one of the roles: {(roles.Count == 0 ? "(any)" : string.Join(", ", roles))}.", "The token has: ingest.");
        }
        else
        {
            operation.Security = [];
        }

        var hasInput = description.ParameterDescriptions.Count > 0;
        if (hasInput)
        {
            Add(operation, document, fhir, StatusCodes.Status400BadRequest, "A parameter or the body could not be read; the body says which field, what was expected and gives an example.",
                "Parameter 'page' is not valid.", "'page' must be a whole number, e.g. page=1.");
        }

        if (path.Contains('{', StringComparison.Ordinal))
        {
            Add(operation, document, fhir, StatusCodes.Status404NotFound, "Nothing with that id (a patient id that is not a UUID points to the identifier search).",
                "No patient with id 01a225f9-45a0-7b96-b396-2e27c16df70f.", null);
        }

        foreach (var (status, response) in operation.Responses.Where(r => r.Key is "400" or "404" or "409" or "413" or "415" or "422").ToList())
        {
            Describe(response, document, fhir, status);
        }
    }

    /// <summary>The roles an operation needs: null when anonymous, empty when any authenticated token will do.</summary>
    private static async Task<List<string>?> RolesAsync(IList<object> metadata, IServiceProvider services)
    {
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return null;
        }

        var data = metadata.OfType<IAuthorizeData>().ToList();
        var provider = services.GetRequiredService<IAuthorizationPolicyProvider>();
        if (data.Count == 0)
        {
            var fallback = services.GetRequiredService<IOptions<AuthorizationOptions>>().Value.FallbackPolicy;
            return fallback is null ? null : RolesOf(fallback).ToList();
        }

        var roles = new List<string>();
        foreach (var item in data)
        {
            if (item.Policy is not null && await provider.GetPolicyAsync(item.Policy) is { } policy)
            {
                roles.AddRange(RolesOf(policy));
            }

            roles.AddRange((item.Roles ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        return roles.Distinct(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<string> RolesOf(AuthorizationPolicy policy) =>
        policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles);

    private static void Add(OpenApiOperation operation, OpenApiDocument document, bool fhir, int status, string description, string title, string? detail)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key))
        {
            return;
        }

        var response = new OpenApiResponse { Description = description, Content = new Dictionary<string, OpenApiMediaType>() };
        response.Content[fhir ? "application/fhir+json" : "application/problem+json"] = new OpenApiMediaType
        {
            Schema = new OpenApiSchemaReference(fhir ? OpenApiErrorSchemas.Outcome : OpenApiErrorSchemas.Problem, document),
            Example = Example(fhir, status, title, detail),
        };
        operation.Responses[key] = response;
    }

    /// <summary>Declared error responses get the right schema (OperationOutcome under /fhir) and an example when they have none.</summary>
    private static void Describe(IOpenApiResponse response, OpenApiDocument document, bool fhir, string status)
    {
        if (response is not OpenApiResponse concrete)
        {
            return;
        }

        concrete.Content ??= new Dictionary<string, OpenApiMediaType>();
        if (concrete.Content.Count == 0)
        {
            concrete.Content[fhir ? "application/fhir+json" : "application/problem+json"] = new OpenApiMediaType();
        }

        var code = int.Parse(status, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (mediaType, media) in concrete.Content)
        {
            if (media is not OpenApiMediaType m)
            {
                continue;
            }

            var outcome = mediaType.Contains("fhir", StringComparison.Ordinal);
            if (outcome || m.Schema is null)
            {
                m.Schema = new OpenApiSchemaReference(outcome ? OpenApiErrorSchemas.Outcome : OpenApiErrorSchemas.Problem, document);
            }

            m.Example ??= Example(outcome, code, ExampleTitle(code), null);
        }

        if (string.IsNullOrWhiteSpace(concrete.Description) || concrete.Description is "Bad Request" or "Not Found" or "Conflict" or "Unprocessable Entity")
        {
            concrete.Description = ExampleTitle(code);
        }
    }

    private static string ExampleTitle(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "The request could not be read.",
        StatusCodes.Status404NotFound => "Nothing with that id.",
        StatusCodes.Status409Conflict => "Conflicts with the current state (e.g. signed off by dr-a at 2026-11-29T09:05:00Z).",
        StatusCodes.Status413PayloadTooLarge => "The body exceeds the size limit.",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported content type.",
        StatusCodes.Status422UnprocessableEntity => "Well-formed but not valid: every problem is listed.",
        _ => "Error.",
    };

    private static JsonObject Example(bool fhir, int status, string title, string? detail) => fhir
        ? new JsonObject
        {
            ["resourceType"] = "OperationOutcome",
            ["issue"] = new JsonArray(new JsonObject
            {
                ["severity"] = "error",
                ["code"] = status switch { 401 => "login", 403 => "forbidden", 404 => "not-found", 409 => "conflict", 413 => "too-costly", 415 => "not-supported", _ => "invalid" },
                ["diagnostics"] = detail is null ? title : $"{title} {detail}",
            }),
        }
        : new JsonObject
        {
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
            ["traceId"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00",
        };
}
