using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TumorBoard.Api.Infrastructure;

/// <summary>Gives each operation's success response an example (from <see cref="ApiResponseExamples"/>) when the endpoint declared none.</summary>
internal sealed partial class OpenApiResponseExamples : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var relative = Constraint().Replace(description.RelativePath ?? string.Empty, "{$1}").Trim('/');
        var route = $"{description.HttpMethod} /{relative}";
        if (!ApiResponseExamples.TryGet(route, out var mediaType, out var example) || operation.Responses is null)
        {
            return Task.CompletedTask;
        }

        var success = operation.Responses.Where(r => r.Key.StartsWith('2')).OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Value).OfType<OpenApiResponse>().FirstOrDefault();
        if (success is null)
        {
            return Task.CompletedTask;
        }

        success.Content ??= new Dictionary<string, OpenApiMediaType>();
        if (!success.Content.TryGetValue(mediaType, out var media) || media is not OpenApiMediaType concrete)
        {
            concrete = new OpenApiMediaType();
            success.Content[mediaType] = concrete;
        }

        if (concrete.Example is null)
        {
            concrete.Example = mediaType.EndsWith("json", StringComparison.Ordinal) ? JsonNode.Parse(example) : JsonValue.Create(example);
        }

        if (mediaType == "image/svg+xml")
        {
            concrete.Schema ??= new OpenApiSchema { Type = JsonSchemaType.String, Description = "An SVG document." };
        }

        return Task.CompletedTask;
    }

    /// <summary>Route constraints (<c>{patientId:guid}</c>) are not part of the documented path.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\{([^}:]+):[^}]+\}")]
    private static partial System.Text.RegularExpressions.Regex Constraint();
}
