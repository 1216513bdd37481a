namespace TumorBoard.Api.Infrastructure;

/// <summary>
/// Endpoint metadata carrying an example request body and example response for the OpenAPI document,
/// so the Swagger UI shows a board member a realistic payload rather than an empty schema.
/// </summary>
/// <param name="RequestMediaType">Media type of the request example (null when the route takes no body).</param>
/// <param name="Request">The example request body (JSON text).</param>
/// <param name="ResponseStatus">Status code the response example belongs to.</param>
/// <param name="Response">The example response body (JSON text).</param>
public sealed record OpenApiExample(string? RequestMediaType, string? Request, int ResponseStatus, string? Response);

public static class OpenApiExampleExtensions
{
    public static RouteHandlerBuilder WithExample(this RouteHandlerBuilder builder, string? request, int responseStatus, string? response, string requestMediaType = "application/json") =>
        builder.WithMetadata(new OpenApiExample(request is null ? null : requestMediaType, request, responseStatus, response));
}
