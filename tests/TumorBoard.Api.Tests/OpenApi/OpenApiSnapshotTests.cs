using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using TumorBoard.Api.Tests.Infrastructure;

namespace TumorBoard.Api.Tests.OpenApi;

/// <summary>
/// The committed docs/openapi.json is the document the service serves, so an API change shows in review. To refresh
/// it after changing routes or DTOs: <c>UPDATE_OPENAPI=1 dotnet test tests/TumorBoard.Api.Tests --filter OpenApiSnapshotTests</c>.
/// </summary>
public sealed class OpenApiSnapshotTests(TumorBoardApp app) : ApiTest(app)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task The_committed_openapi_document_is_the_one_the_service_serves()
    {
        var served = Normalise(await App.CreateClient().GetStringAsync("/openapi/v1.json"));
        var path = Path.Combine(RepositoryRoot.Path, "docs", "openapi.json");

        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, served);
        }

        Assert.True(File.Exists(path), "docs/openapi.json is missing: run UPDATE_OPENAPI=1 dotnet test tests/TumorBoard.Api.Tests --filter OpenApiSnapshotTests");
        var committed = Normalise(await File.ReadAllTextAsync(path));
        Assert.True(committed == served,
            "docs/openapi.json is out of date: run UPDATE_OPENAPI=1 dotnet test tests/TumorBoard.Api.Tests --filter OpenApiSnapshotTests and commit it.");
    }

    private static string Normalise(string json) => JsonNode.Parse(json)!.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
}
