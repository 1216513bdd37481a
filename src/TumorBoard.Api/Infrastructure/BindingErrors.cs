using System.Text.Json;
using System.Text.RegularExpressions;

namespace TumorBoard.Api.Infrastructure;

/// <summary>
/// Turns ASP.NET's binding failures ("Failed to bind parameter ...", "Implicit body inferred ...", a JSON body of
/// the wrong shape) into what a client can fix: which field, what was expected, an example. Framework wording and
/// .NET type names never reach the client.
/// </summary>
internal static partial class BindingErrors
{
    public static (int Status, string Title, string Detail, Dictionary<string, object?> Extensions) Explain(BadHttpRequestException exception, HttpContext context)
    {
        // The exception handler has cleared the endpoint by now; its feature keeps the one that failed.
        var endpoint = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();
        var example = endpoint?.Metadata.GetMetadata<OpenApiExample>()?.Request;
        var extensions = new Dictionary<string, object?>();
        if (example is not null)
        {
            extensions["example"] = JsonDocument.Parse(example).RootElement.Clone();
        }

        if (FindJson(exception) is { } json)
        {
            var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? null : json.Path.TrimStart('$', '.');
            if (field is not null)
            {
                extensions["field"] = field;
            }

            return (StatusCodes.Status400BadRequest, "The JSON body could not be read.",
                field is null
                    ? "The body is not valid JSON or not a JSON object." + ExampleText(example)
                    : $"Field '{field}' has the wrong type or shape (line {(json.LineNumber ?? 0) + 1})." + ExampleText(example),
                extensions);
        }

        var message = exception.Message;
        if (BindParameter().Match(message) is { Success: true } bind)
        {
            var name = bind.Groups["name"].Value;
            var (expected, sample) = Expected(bind.Groups["type"].Value);
            extensions["field"] = name;
            return (StatusCodes.Status400BadRequest, $"Parameter '{name}' is not valid.",
                $"'{name}' must be {expected}, e.g. {name}={sample}.", extensions);
        }

        if (message.Contains("body", StringComparison.OrdinalIgnoreCase) && (message.StartsWith("Implicit body", StringComparison.Ordinal) || message.StartsWith("Required parameter", StringComparison.Ordinal)))
        {
            return (StatusCodes.Status400BadRequest, "A JSON request body is required.", "Send Content-Type: application/json and a JSON object." + ExampleText(example), extensions);
        }

        if (exception.StatusCode == StatusCodes.Status415UnsupportedMediaType || message.Contains("media type", StringComparison.OrdinalIgnoreCase))
        {
            return (StatusCodes.Status415UnsupportedMediaType, "Unsupported content type.", "Send the body as Content-Type: application/json." + ExampleText(example), extensions);
        }

        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (StatusCodes.Status413PayloadTooLarge, "The request body is too large.", "Send a smaller body.", extensions);
        }

        if (RequiredParameter().Match(message) is { Success: true } required)
        {
            var name = required.Groups["name"].Value;
            var (expected, sample) = Expected(required.Groups["type"].Value);
            extensions["field"] = name;
            return (StatusCodes.Status400BadRequest, $"Parameter '{name}' is required.", $"'{name}' must be {expected}, e.g. {name}={sample}.", extensions);
        }

        return (exception.StatusCode, "The request could not be read.", "Check the route, query parameters and body against GET /openapi/v1.json.", extensions);
    }

    private static string ExampleText(string? example) => example is null ? string.Empty : " Example: " + example.ReplaceLineEndings(" ");

    private static JsonException? FindJson(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    private static (string Expected, string Sample) Expected(string type) => Unwrap(type) switch
    {
        "int" or "long" or "Int32" or "Int64" => ("a whole number", "1"),
        "Guid" => ("a UUID", "01a225f9-45a0-7b96-b396-2e27c16df70f"),
        "bool" or "Boolean" => ("true or false", "true"),
        "DateTimeOffset" or "DateTime" => ("an ISO 8601 UTC instant", "2026-12-03T09:00:00Z"),
        "decimal" or "double" => ("a number", "0.5"),
        _ => ("text", "value"),
    };

    /// <summary><c>int?</c>, <c>Nullable&lt;int&gt;</c> and <c>System.Int32</c> all mean a whole number.</summary>
    private static string Unwrap(string type)
    {
        var t = type.TrimEnd('?');
        if (t.StartsWith("Nullable<", StringComparison.Ordinal) && t.EndsWith('>'))
        {
            t = t["Nullable<".Length..^1];
        }

        return t.StartsWith("System.", StringComparison.Ordinal) ? t["System.".Length..] : t;
    }

    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^"\s]+) (?<name>[^"\s]+)" from""")]
    private static partial Regex BindParameter();

    [GeneratedRegex("""^Required parameter "(?<type>[^"\s]+) (?<name>[^"\s]+)" was not provided""")]
    private static partial Regex RequiredParameter();
}
