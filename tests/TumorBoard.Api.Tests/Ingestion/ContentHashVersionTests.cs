using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using TumorBoard.Api.Features.Ingestion;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.Tests.Infrastructure;
using TumorBoard.Core.Ingestion;
using TumorBoard.Fhir;

namespace TumorBoard.Api.Tests.Ingestion;

/// <summary>
/// Reports stored before the content hash was made from the posted JSON (version 1, Firely's serialisation) stay
/// idempotent after it (docs/adr/0005-report-content-hash-versions.md). The stored rows are written as the code before
/// wrote them: the version 1 hash, and the version the migration gives every earlier row (the column's default).
/// </summary>
public sealed class ContentHashVersionTests(TumorBoardApp app) : ApiTest(app)
{
    private static readonly GenomicBundleReader Reader = Knowledge.LoadEmbedded().BundleReader;

    [Fact]
    public async Task New_reports_are_stored_with_the_hash_of_their_posted_json()
    {
        var bundle = Cases.SingleLungReport("MRN-HASH-2", "ACC-HASH-2");
        var posted = Parse(bundle);

        await IngestAsync(bundle);

        Assert.Equal((posted.ContentHash, ReportContentHash.PostedJson), await StoredHashAsync("ACC-HASH-2"));
    }

    [Fact]
    public async Task A_report_stored_under_the_version_1_hash_is_the_same_report_when_posted_again()
    {
        var bundle = ExponentBundle("MRN-HASH-1", "ACC-HASH-1");
        var first = await IngestAsync(bundle);
        await StoreAsVersion1Async("ACC-HASH-1", bundle);
        var rows = await App.TotalRowsAsync();

        var response = await PostBundleAsync(bundle);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var second = JsonSerializer.Deserialize<IngestResponse>(await response.Content.ReadAsStringAsync(), Json)!;
        Assert.Equal(first.ReportIds, second.ReportIds);
        Assert.Equal(first.EvaluationId, second.EvaluationId);
        Assert.Equal(rows, await App.TotalRowsAsync());
        Assert.Equal((Parse(bundle).FirelyFormHash!(), ReportContentHash.FirelyForm), await StoredHashAsync("ACC-HASH-1"));
    }

    [Fact]
    public async Task A_final_report_with_new_content_is_still_a_409_against_a_report_stored_under_the_version_1_hash()
    {
        var bundle = ExponentBundle("MRN-HASH-C", "ACC-HASH-C");
        await IngestAsync(bundle);
        await StoreAsVersion1Async("ACC-HASH-C", bundle);
        var rows = await App.TotalRowsAsync();

        var response = await PostBundleAsync(ExponentBundle("MRN-HASH-C", "ACC-HASH-C").Replace("p.Leu858Arg", "p.Thr790Met", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(rows, await App.TotalRowsAsync());
    }

    [Fact]
    public async Task Twenty_concurrent_reposts_of_a_report_stored_under_the_version_1_hash_store_nothing_new()
    {
        var bundle = ExponentBundle("MRN-HASH-20", "ACC-HASH-20");
        await IngestAsync(bundle);
        await StoreAsVersion1Async("ACC-HASH-20", bundle);
        var rows = await App.TotalRowsAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PostBundleAsync(bundle)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(rows, await App.TotalRowsAsync());
        Assert.Equal(1, await App.CountAsync("reports"));
    }

    [Fact]
    public async Task A_bundle_posted_again_with_other_whitespace_and_key_order_is_the_same()
    {
        var bundle = Cases.SingleLungReport("MRN-HASH-WS", "ACC-HASH-WS");
        var first = await IngestAsync(bundle);
        var rows = await App.TotalRowsAsync();
        var reordered = Reversed(JsonNode.Parse(bundle))!.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

        var response = await PostBundleAsync(reordered);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var second = JsonSerializer.Deserialize<IngestResponse>(await response.Content.ReadAsStringAsync(), Json)!;
        Assert.Equal(first.ReportIds, second.ReportIds);
        Assert.Equal(rows, await App.TotalRowsAsync());
    }

    /// <summary>
    /// A bundle whose two hashes differ (its allele fraction written 3.4e-1: version 2 sees the posted text, version 1
    /// Firely's 0.34), so only a comparison with the version 1 hash can find the stored report the same.
    /// </summary>
    private static string ExponentBundle(string mrn, string accession)
    {
        var plain = Cases.SingleLungReport(mrn, accession, vaf: 0.34m);
        Assert.Contains("\"value\":0.34,", plain, StringComparison.Ordinal);
        var bundle = plain.Replace("\"value\":0.34,", "\"value\":3.4e-1,", StringComparison.Ordinal);
        var report = Parse(bundle);
        Assert.Equal(ReportContentHash.PostedJson, report.ContentHashVersion);
        Assert.NotEqual(report.ContentHash, report.FirelyFormHash!());
        return bundle;
    }

    private static ParsedReport Parse(string bundle) => Assert.Single(Reader.Read(bundle, FhirFormat.Json).Bundle!.Reports);

    /// <summary>The stored row as the code before version 2 wrote it: Firely's form hash, and the column's default version.</summary>
    private async Task StoreAsVersion1Async(string accession, string bundle)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "UPDATE reports SET content_hash = $1, content_hash_version = DEFAULT WHERE identifier_value = $2", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = Parse(bundle).FirelyFormHash!() });
        command.Parameters.Add(new NpgsqlParameter { Value = accession });
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
        Assert.Equal(ReportContentHash.FirelyForm, (await StoredHashAsync(accession)).Version);
    }

    private async Task<(string Hash, int Version)> StoredHashAsync(string accession)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT content_hash, content_hash_version FROM reports WHERE identifier_value = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = accession });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetString(0), reader.GetInt32(1));
    }

    private static JsonNode? Reversed(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Reverse().Select(p => KeyValuePair.Create(p.Key, Reversed(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Reversed).ToArray()),
        _ => node?.DeepClone(),
    };
}
