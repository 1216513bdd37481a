using System.Text.Json.Nodes;

namespace TumorBoard.Fhir.Tests;

/// <summary>Builds bad inputs by changing one thing in a valid fixture.</summary>
internal static class Mutations
{
    public static string Of(string fixture, Action<JsonObject> change)
    {
        var root = JsonNode.Parse(TestFiles.Fixture(fixture))!.AsObject();
        change(root);
        return root.ToJsonString();
    }

    public static JsonObject Resource(JsonObject bundle, int entry) => bundle["entry"]![entry]!["resource"]!.AsObject();
}
