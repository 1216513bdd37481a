using System.Net;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using TumorBoard.Api.Tests.Infrastructure;

namespace TumorBoard.Api.Tests.Ingestion;

/// <summary>The request body, read into pooled buffers, is stored byte for byte with the hash of exactly those bytes.</summary>
public sealed class BodyReadingTests(TumorBoardApp app) : ApiTest(app)
{
    [Fact]
    public async Task A_bundle_with_non_ascii_text_keeps_its_characters_and_its_hash_over_the_utf8_bytes()
    {
        var bundle = Cases.LungT790MAfterErlotinib().Replace("\"resourceType\":\"Bundle\"", "\"resourceType\":\"Bundle\",\"identifier\":{\"system\":\"urn:test:bundle\",\"value\":\"bündel-ñ-✓\"}", StringComparison.Ordinal);
        Assert.Contains("✓", bundle, StringComparison.Ordinal);

        var response = await PostBundleAsync(bundle);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var (rawBody, sha256) = await StoredBundleAsync();
        Assert.Equal(bundle, rawBody);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(bundle))), sha256);
    }

    private async Task<(string RawBody, string Sha256)> StoredBundleAsync()
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT raw_body, sha256 FROM ingested_bundles", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var stored = (reader.GetString(0), reader.GetString(1));
        Assert.False(await reader.ReadAsync());
        return stored;
    }
}
