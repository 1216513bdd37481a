using System.Text.Json;
using TumorBoard.Api.Tests.Infrastructure;

namespace TumorBoard.Api.Tests.Trials;

/// <summary>
/// Issue 15: the LAG-3 IHC result is read from FHIR (TumorBoard's local marker-test code, a percentage of cells) so
/// NCI-MATCH Z1M (nivolumab + relatlimab, LAG-3 >= 1 % by IHC) evaluates from the bundle: 5 % selects the arm, 0 % is
/// a negative result (selection not met: not offered), no result leaves the arm unconsidered.
/// </summary>
public sealed class Lag3MarkerTests(TumorBoardApp app) : ApiTest(app)
{
    private static string Bundle(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Trials", "Cases", name + ".json"));

    private async Task<((JsonElement Arm, JsonElement Selection) Z1M, Guid PatientId)> Z1MWithPatientAsync(string caseName)
    {
        var ingested = await IngestAsync(Bundle(caseName));
        var evaluation = await GetAsync<JsonElement>(Board, $"/api/patients/{ingested.PatientId}/recommendations");
        var arm = evaluation.GetProperty("trials").EnumerateArray().Single(IsZ1M);
        var selection = arm.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("criterion").GetString()!.Contains("LAG-3 expression", StringComparison.Ordinal));
        return ((arm, selection), ingested.PatientId);
    }

    [Fact]
    public async Task Given_LAG3_in_5_percent_of_cells_then_the_Z1M_LAG3_criterion_is_met_and_names_its_source()
    {
        var ((arm, selection), patientId) = await Z1MWithPatientAsync("melanoma-lag3-5-percent");

        Assert.Equal("met", selection.GetProperty("result").GetString());
        Assert.Equal("LAG3 expressed (IHC)", selection.GetProperty("detail").GetString());
        var patient = await GetAsync<JsonElement>(Board, $"/api/patients/{patientId}");
        var lag3 = Assert.Single(patient.GetProperty("clinicalMarkers").EnumerateArray(), m => m.GetProperty("marker").GetString() == "lag3");
        Assert.Equal("positive", lag3.GetProperty("status").GetString());
        Assert.Equal("local code LAG3-IHC LAG-3 IHC 5 %", lag3.GetProperty("source").GetString());
        // The trial's own assay and exclusions stay a check: listed as potential, never eligible from the reader alone.
        Assert.Equal("potential", arm.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Given_LAG3_in_0_percent_of_cells_then_the_marker_is_negative_and_Z1M_is_not_offered()
    {
        var (evaluation, patient) = await ReadAsync("melanoma-lag3-0-percent");

        var lag3 = Assert.Single(patient.GetProperty("clinicalMarkers").EnumerateArray(), m => m.GetProperty("marker").GetString() == "lag3");
        Assert.Equal("negative", lag3.GetProperty("status").GetString());
        Assert.Equal("local code LAG3-IHC LAG-3 IHC 0 %", lag3.GetProperty("source").GetString());
        // The engine lists an arm only when its selection holds: LAG-3 below 1 % is the selection not met.
        Assert.DoesNotContain(evaluation.GetProperty("trials").EnumerateArray(), IsZ1M);
    }

    [Fact]
    public async Task Given_no_LAG3_result_then_no_marker_is_stored_and_Z1M_is_not_offered()
    {
        var (evaluation, patient) = await ReadAsync("melanoma-lag3-not-reported");

        Assert.DoesNotContain(patient.GetProperty("clinicalMarkers").EnumerateArray(), m => m.GetProperty("marker").GetString() == "lag3");
        // An arm selected by a marker is considered only for a patient with a result for that marker (TrialEngine.Candidates).
        Assert.DoesNotContain(evaluation.GetProperty("trials").EnumerateArray(), IsZ1M);
    }

    private static bool IsZ1M(JsonElement arm) => arm.GetProperty("trialId").GetString() == "NCI-MATCH" && arm.GetProperty("armId").GetString() == "Z1M";

    private async Task<(JsonElement Evaluation, JsonElement Patient)> ReadAsync(string caseName)
    {
        var ingested = await IngestAsync(Bundle(caseName));
        return (await GetAsync<JsonElement>(Board, $"/api/patients/{ingested.PatientId}/recommendations"),
            await GetAsync<JsonElement>(Board, $"/api/patients/{ingested.PatientId}"));
    }
}
