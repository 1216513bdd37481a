using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using TumorBoard.Api.Features.Recommendations;
using TumorBoard.Api.ReadModels;
using TumorBoard.Api.Tests.Infrastructure;

namespace TumorBoard.Api.Tests.Ingestion;

/// <summary>
/// Ingestion evaluates the patient from what the request holds (stored state read once, plus the bundle) instead of
/// reading back the rows it has just written (issue 12). Its evaluation must be the one a re-evaluation from the
/// database makes (POST /api/patients/{id}/evaluations), finding for finding, for new and returning patients,
/// amended reports and values finer than their columns keep.
/// </summary>
public sealed class InMemoryEvaluationTests(TumorBoardApp app) : ApiTest(app)
{
    private static readonly JsonSerializerOptions Reflection = new(JsonSerializerDefaults.Web);

    private static readonly Dictionary<string, Func<string>> Paired = new()
    {
        ["lung T790M after erlotinib"] = () => Cases.LungT790MAfterErlotinib(),
        ["breast ESR1 under letrozole"] = () => Cases.BreastEsr1UnderLetrozole(),
        ["lung ALK G1202R after alectinib"] = () => Cases.LungAlkG1202RAfterAlectinib(),
        ["colorectal lost and acquired"] = () => Cases.ColorectalLostAndAcquired(),
        ["lung ctDNA"] = () => Cases.LungCtdna(),
        ["breast germline suspect"] = () => Cases.BreastGermlineSuspect(),
        ["squamous lung PIK3CA"] = () => Cases.SquamousLungPik3ca(),
    };

    public static TheoryData<string> PairedCases() => [.. Paired.Keys];

    [Theory]
    [MemberData(nameof(PairedCases))]
    public async Task A_new_patients_ingestion_evaluation_equals_a_re_evaluation_from_the_database(string scenario)
    {
        var ingested = await IngestAsync(Paired[scenario]());

        await AssertSameAsReEvaluationAsync(ingested.PatientId, ingested.EvaluationId!.Value);
    }

    [Fact]
    public async Task A_returning_patient_with_a_new_and_an_amended_report_evaluates_as_from_the_database()
    {
        var first = await IngestAsync(Cases.SingleLungReport("MRN-MEM", "ACC-MEM-1", vaf: 0.30m));
        await AssertSameAsReEvaluationAsync(first.PatientId, first.EvaluationId!.Value);

        var second = await IngestAsync(Cases.SingleLungReport("MRN-MEM", "ACC-MEM-2", protein: "p.Thr790Met", vaf: 0.123456789m));
        Assert.Equal(first.PatientId, second.PatientId);
        await AssertSameAsReEvaluationAsync(second.PatientId, second.EvaluationId!.Value);

        var amended = await IngestAsync(Cases.SingleLungReport("MRN-MEM", "ACC-MEM-1", status: "amended", protein: "p.Gly719Ser", vaf: 0.2m));
        Assert.Equal(first.ReportIds, amended.ReportIds);
        await AssertSameAsReEvaluationAsync(amended.PatientId, amended.EvaluationId!.Value);
    }

    [Fact]
    public async Task The_source_generated_document_is_the_json_reflection_would_write()
    {
        var ingested = await IngestAsync(Cases.LungT790MAfterErlotinib());
        var document = await GetAsync<EvaluationDocument>(Board, $"/api/evaluations/{ingested.EvaluationId}");
        Assert.NotEmpty(document.Therapies);
        Assert.NotEmpty(document.Trials);

        Assert.Equal(JsonSerializer.Serialize(document, Reflection), JsonSerializer.Serialize(document, EvaluationJsonContext.Default.EvaluationDocument));
        Assert.Equal(JsonSerializer.Serialize(document, Reflection), JsonSerializer.Serialize(document, EvaluationWriter.DocumentJson));
        Assert.Equal(JsonSerializer.Serialize(document.Trials[0], Reflection),
            JsonSerializer.Serialize(document.Trials[0], EvaluationJsonContext.Default.TrialRecommendationDto));
    }

    private async Task AssertSameAsReEvaluationAsync(Guid patientId, Guid evaluationId)
    {
        var fromIngestion = await Board.GetStringAsync($"/api/evaluations/{evaluationId}");
        var response = await Board.PostAsync($"/api/patients/{patientId}/evaluations", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var fromDatabase = await response.Content.ReadAsStringAsync();

        var expected = Findings(fromDatabase);
        var actual = Findings(fromIngestion);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"database: {expected}{Environment.NewLine}ingestion: {actual}");
        Assert.NotEqual(0, expected!["therapies"]!.AsArray().Count + expected["warnings"]!.AsArray().Count);
    }

    /// <summary>The document without what differs by construction: ids, times, trigger, the link to the previous one.</summary>
    private static JsonNode? Findings(string document)
    {
        var node = JsonNode.Parse(document)!;
        Strip(node);
        node["reportIds"] = new JsonArray([.. node["reportIds"]!.AsArray().Select(n => n!.GetValue<string>()).Order(StringComparer.Ordinal).Select(s => JsonValue.Create(s))]);
        return node;
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in new[] { "evaluationId", "recommendationId", "evaluatedAt", "trigger", "previousEvaluationId", "changes", "signOff" })
                {
                    obj.Remove(name);
                }

                foreach (var (_, value) in obj)
                {
                    Strip(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Strip(item);
                }

                break;
        }
    }
}
