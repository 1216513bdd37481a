using System.Net;
using System.Text;
using TumorBoard.Api.Tests.Infrastructure;

namespace TumorBoard.Api.Tests.BadInput;

/// <summary>Every client mistake gets a precise 4xx OperationOutcome and leaves no row behind.</summary>
public sealed class BadInputTests(TumorBoardApp app) : ApiTest(app)
{
    private async Task<(HttpResponseMessage Response, string Body)> PostRawAsync(string body, string mediaType)
    {
        var response = await Ingest.PostAsync("/fhir/Bundle", new StringContent(body, Encoding.UTF8, mediaType));
        return (response, await response.Content.ReadAsStringAsync());
    }

    private async Task AssertOperationOutcomeAsync(HttpResponseMessage response, string body, HttpStatusCode status, string? expressionFragment = null)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("\"resourceType\":\"OperationOutcome\"", body.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        if (expressionFragment is not null)
        {
            Assert.Contains(expressionFragment, body, StringComparison.Ordinal);
        }

        Assert.Equal(0, await App.TotalRowsAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_400()
    {
        var (response, body) = await PostRawAsync("{ this is not json", "application/fhir+json");

        await AssertOperationOutcomeAsync(response, body, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_media_type_that_is_not_fhir_is_415()
    {
        var (response, body) = await PostRawAsync(Cases.SingleLungReport("MRN-415", "ACC-415"), "text/plain");

        await AssertOperationOutcomeAsync(response, body, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_413()
    {
        var huge = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"padding\":\"" + new string('x', 10 * 1024 * 1024) + "\"}";

        var (response, body) = await PostRawAsync(huge, "application/fhir+json");

        await AssertOperationOutcomeAsync(response, body, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_resource_that_is_not_a_bundle_is_422_saying_a_bundle_was_expected()
    {
        // A well-formed FHIR resource of another type parses (so not 400); it is the wrong content, hence 422.
        var (response, body) = await PostRawAsync("{\"resourceType\":\"Patient\",\"id\":\"p\"}", "application/fhir+json");

        await AssertOperationOutcomeAsync(response, body, HttpStatusCode.UnprocessableEntity, "Expected a Bundle; the body is a Patient.");
    }

    [Fact]
    public async Task A_bundle_without_a_patient_identifier_is_422_naming_where()
    {
        var bundle = Cases.SingleLungReport("MRN-NOID", "ACC-NOID")
            .Replace("\"identifier\":[{\"system\":\"urn:test:mrn\",\"value\":\"MRN-NOID\"}],", string.Empty, StringComparison.Ordinal);

        var (response, body) = await PostRawAsync(bundle, "application/fhir+json");

        await AssertOperationOutcomeAsync(response, body, HttpStatusCode.UnprocessableEntity, "Bundle.entry[0]");
    }

    [Fact]
    public async Task A_bundle_of_the_wrong_type_is_422()
    {
        var bundle = Cases.SingleLungReport("MRN-TYPE", "ACC-TYPE").Replace("\"type\":\"collection\"", "\"type\":\"searchset\"", StringComparison.Ordinal);

        var (response, body) = await PostRawAsync(bundle, "application/fhir+json");

        await AssertOperationOutcomeAsync(response, body, HttpStatusCode.UnprocessableEntity, "Bundle.type");
    }

    [Fact]
    public async Task A_bundle_without_a_genomics_report_is_422()
    {
        var bundle = Cases.Patient("MRN-NOREPORT", "LUAD", "Lung Adenocarcinoma", TestSupport.Fhir.TestSite.Lung).ToJson();

        var (response, body) = await PostRawAsync(bundle, "application/fhir+json");

        await AssertOperationOutcomeAsync(response, body, HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task A_result_reference_that_resolves_to_nothing_is_422_naming_the_reference()
    {
        var bundle = Cases.SingleLungReport("MRN-REF", "ACC-REF");
        var start = bundle.IndexOf("\"result\":[{\"reference\":\"", StringComparison.Ordinal) + "\"result\":[{\"reference\":\"".Length;
        var end = bundle.IndexOf('"', start);
        var broken = bundle[..start] + "urn:uuid:00000000-0000-0000-0000-000000000000" + bundle[end..];

        var (response, body) = await PostRawAsync(broken, "application/fhir+json");

        await AssertOperationOutcomeAsync(response, body, HttpStatusCode.UnprocessableEntity, "result");
    }

    [Fact]
    public async Task A_string_where_the_allele_frequency_decimal_belongs_is_422_naming_the_element()
    {
        var bundle = Cases.SingleLungReport("MRN-VAF", "ACC-VAF").Replace("\"value\":0.3", "\"value\":\"0.3\"", StringComparison.Ordinal);

        var (response, body) = await PostRawAsync(bundle, "application/fhir+json");

        await AssertOperationOutcomeAsync(response, body, HttpStatusCode.UnprocessableEntity, ".component[2].value.value");
        Assert.Contains("decimal", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_problems_in_one_bundle_are_all_reported_in_one_outcome()
    {
        var bundle = Cases.SingleLungReport("MRN-MANY", "ACC-MANY")
            .Replace("\"type\":\"collection\"", "\"type\":\"searchset\"", StringComparison.Ordinal)
            .Replace("\"status\":\"final\",\"category\":[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v2-0074\",\"code\":\"GE\"", "\"status\":\"finalx\",\"category\":[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v2-0074\",\"code\":\"GE\"", StringComparison.Ordinal);

        var (response, body) = await PostRawAsync(bundle, "application/fhir+json");

        await AssertOperationOutcomeAsync(response, body, HttpStatusCode.UnprocessableEntity, "Bundle.type");
        Assert.Contains("finalx", body, StringComparison.Ordinal);
    }
}
