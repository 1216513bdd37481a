using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace TumorBoard.Api.ReadModels;

/// <summary>
/// Source-generated System.Text.Json metadata for evaluation documents and recommendation payloads, written on
/// every ingestion and re-match: no reflection on that path. Web defaults, as the documents were always written.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(EvaluationDocument))]
[JsonSerializable(typeof(TherapyRecommendationDto))]
[JsonSerializable(typeof(TrialRecommendationDto))]
[JsonSerializable(typeof(TrialRowPayload))]
internal sealed partial class EvaluationJsonContext : JsonSerializerContext
{
    /// <summary>How evaluation documents and recommendation payloads are written and read back.</summary>
    public static readonly JsonSerializerOptions DocumentJson = CreateOptions();

    /// <summary>Web defaults resolved from this context first; any other type still serialises by reflection.</summary>
    public static JsonSerializerOptions CreateOptions() => new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(Default, new DefaultJsonTypeInfoResolver()),
    };
}
