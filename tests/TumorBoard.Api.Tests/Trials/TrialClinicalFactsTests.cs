using System.Text.Json;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.Tests.Infrastructure;

namespace TumorBoard.Api.Tests.Trials;

/// <summary>The clinical facts that decide eligibility are read from the posted FHIR, stored, and named in the trace.</summary>
public sealed class TrialClinicalFactsTests(TumorBoardApp app) : ApiTest(app)
{
    private HttpClient Coordinator => App.CreateClient("coordinator-1", Roles.Trials);

    [Fact]
    public async Task Given_an_mCODE_disease_status_of_progression_Then_arm_Y_reads_it_with_its_date_and_source()
    {
        var ingested = await IngestAsync(Cases.BreastAkt1Progressed());

        var evaluation = await GetAsync<JsonElement>(Board, $"/api/patients/{ingested.PatientId}/recommendations");

        var y = evaluation.GetProperty("trials").EnumerateArray().Single(t => t.GetProperty("trialId").GetString() == "NCI-MATCH" && t.GetProperty("armId").GetString() == "Y");
        var progression = y.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("criterion").GetString()!.Contains("progressed", StringComparison.Ordinal));
        Assert.Equal("met", progression.GetProperty("result").GetString());
        Assert.Contains("progression on 2024-06-01", progression.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("Observation/", progression.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var age = y.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("criterion").GetString() == "Age 18 or older");
        Assert.Equal("met", age.GetProperty("result").GetString());
        Assert.Contains("(Patient.birthDate)", age.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("eligible", y.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Given_squamous_NSCLC_after_carboplatin_Then_the_platinum_criterion_names_the_therapy_resource()
    {
        var ingested = await IngestAsync(Cases.SquamousLungPik3ca("MRN-LUSC-FACTS"));

        var page = await GetAsync<JsonElement>(Coordinator, "/api/trials/Lung-MAP/arms/S1400B/patients");

        var item = page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("patientId").GetGuid() == ingested.PatientId);
        var platinum = item.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("criterion").GetString()!.Contains("platinum", StringComparison.Ordinal));
        Assert.Equal("met", platinum.GetProperty("result").GetString());
        Assert.Contains("MedicationStatement/", platinum.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
