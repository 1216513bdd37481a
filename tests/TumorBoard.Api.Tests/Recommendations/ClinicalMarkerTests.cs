using System.Text.Json;
using TumorBoard.Api.Tests.Infrastructure;

namespace TumorBoard.Api.Tests.Recommendations;

public sealed class ClinicalMarkerTests(TumorBoardApp app) : ApiTest(app)
{
    [Fact]
    public async Task Given_an_HR_positive_HER2_low_breast_cancer_with_PIK3CA_H1047R_then_the_PIK3CA_therapies_carry_no_receptor_caveat()
    {
        var bundle = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "breast-hr-positive-her2-low.json"));

        var ingested = await IngestAsync(bundle);

        var patient = await GetAsync<JsonElement>(Board, $"/api/patients/{ingested.PatientId}");
        var markers = patient.GetProperty("clinicalMarkers").EnumerateArray().ToDictionary(m => m.GetProperty("marker").GetString()!, m => m.GetProperty("status").GetString());
        Assert.Equal("positive", markers["hormonereceptor"]);
        Assert.Equal("low", markers["her2"]);
        var evaluation = await GetAsync<JsonElement>(Board, $"/api/patients/{ingested.PatientId}/recommendations");
        var pik3ca = Therapies.Of(evaluation).Where(t => t.Is("alterationKey", "PIK3CA H1047R")).ToList();
        Assert.Contains(pik3ca, t => t.GetProperty("drugs").EnumerateArray().Any(d => d.GetString() == "alpelisib"));
        Assert.All(pik3ca, t => Assert.DoesNotContain(t.GetProperty("caveats").EnumerateArray(),
            c => c.GetString()!.Contains("not provided", StringComparison.OrdinalIgnoreCase)));
    }
}
