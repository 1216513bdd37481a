using System.Text.Json;

namespace TumorBoard.Api.Tests.Infrastructure;

/// <summary>Readable queries over an evaluation's therapies JSON.</summary>
public static class Therapies
{
    public static IEnumerable<JsonElement> Of(JsonElement evaluation) => evaluation.GetProperty("therapies").EnumerateArray();

    public static IEnumerable<JsonElement> For(JsonElement evaluation, string drug) =>
        Of(evaluation).Where(t => t.GetProperty("drugs").EnumerateArray().Any(d => d.GetString() == drug));

    public static bool Is(this JsonElement therapy, string property, string value) => therapy.GetProperty(property).GetString() == value;
}
