using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace TumorBoard.Api.Infrastructure;

/// <summary>The error body schemas the document references: RFC 9457 ProblemDetails and FHIR OperationOutcome.</summary>
internal static class OpenApiErrorSchemas
{
    public const string Problem = "ProblemDetails";
    public const string Outcome = "OperationOutcome";

    public static void Ensure(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas.TryAdd(Problem, new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details: title says what went wrong, detail what to do; extensions (field, example, requiredRoles, signedOffBy, ...) carry the specifics.",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = Text("A URI reference identifying the problem type."),
                ["title"] = Text("What went wrong, in one sentence."),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status." },
                ["detail"] = Text("What the client can do about it."),
                ["instance"] = Text("The request path."),
                ["traceId"] = Text("The trace id to quote to the operators."),
            },
        });
        document.Components.Schemas.TryAdd(Outcome, new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "FHIR R4 OperationOutcome listing every issue found.",
            Required = new HashSet<string> { "resourceType", "issue" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["resourceType"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("OperationOutcome")] },
                ["issue"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "severity", "code" },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["severity"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("fatal"), JsonValue.Create("error"), JsonValue.Create("warning"), JsonValue.Create("information")] },
                            ["code"] = Text("FHIR issue type (invalid, structure, value, not-found, login, forbidden, conflict, too-costly, not-supported, ...)."),
                            ["diagnostics"] = Text("What is wrong, for people."),
                            ["expression"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Text(null), Description = "Where: FHIRPath-like locations such as Bundle.entry[4].resource.component[2]." },
                        },
                    },
                },
            },
        });
    }

    private static OpenApiSchema Text(string? description) => new() { Type = JsonSchemaType.String, Description = description };
}
