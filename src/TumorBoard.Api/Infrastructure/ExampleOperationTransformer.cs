using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TumorBoard.Api.Infrastructure;

/// <summary>Copies <see cref="OpenApiExample"/> metadata into the operation: request body and response examples.</summary>
internal sealed class ExampleOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var example = context.Description.ActionDescriptor.EndpointMetadata.OfType<OpenApiExample>().FirstOrDefault();
        if (example is null)
        {
            return Task.CompletedTask;
        }

        if (example.Request is not null && example.RequestMediaType is not null)
        {
            var body = operation.RequestBody as OpenApiRequestBody ?? new OpenApiRequestBody { Required = true };
            body.Content ??= new Dictionary<string, OpenApiMediaType>();
            if (!body.Content.TryGetValue(example.RequestMediaType, out var media) || media is not OpenApiMediaType concrete)
            {
                concrete = new OpenApiMediaType();
                body.Content[example.RequestMediaType] = concrete;
            }

            concrete.Example = JsonNode.Parse(example.Request);
            operation.RequestBody = body;
        }

        var status = example.ResponseStatus.ToString(CultureInfo.InvariantCulture);
        if (example.Response is not null && operation.Responses?.TryGetValue(status, out var response) == true && response is OpenApiResponse concreteResponse)
        {
            concreteResponse.Content ??= new Dictionary<string, OpenApiMediaType>();
            if (!concreteResponse.Content.TryGetValue("application/json", out var media) || media is not OpenApiMediaType json)
            {
                json = new OpenApiMediaType();
                concreteResponse.Content["application/json"] = json;
            }

            json.Example = JsonNode.Parse(example.Response);
        }

        return Task.CompletedTask;
    }
}
