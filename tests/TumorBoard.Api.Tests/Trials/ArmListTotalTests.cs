using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TumorBoard.Api.Features.Rematch;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.Tests.Infrastructure;
using TumorBoard.TestSupport.Fhir;

namespace TumorBoard.Api.Tests.Trials;

/// <summary>
/// An arm list's <c>total</c> comes from the per-arm deltas the triggers on latest_trial_recommendations keep
/// (ArmListCounts), not from counting: through ingestion (EF inserts) and the re-match (binary COPY), it stays the number
/// of listed patients, and the narrow latest rows stay exactly the trial rows of the patients' latest evaluations.
/// </summary>
public sealed class ArmListTotalTests(TumorBoardApp app) : ApiTest(app)
{
    // Every (trial, arm, status) whose deltas do not sum to the number of trial rows the patients' latest evaluations
    // have there (counted from recommendations, not from the narrow table the triggers watch): must be none.
    private const string Mismatches = """
        (SELECT trial_id, arm_id, status, sum(delta) AS total FROM arm_list_counts GROUP BY trial_id, arm_id, status) c
        FULL JOIN (SELECT r.trial_id, r.arm_id, r.status, count(*) AS rows FROM recommendations r
                   JOIN patients p ON p.latest_evaluation_id = r.evaluation_id
                   WHERE r.kind = 'trial' GROUP BY r.trial_id, r.arm_id, r.status) r USING (trial_id, arm_id, status)
        WHERE coalesce(c.total, 0) <> coalesce(r.rows, 0)
        """;

    private HttpClient Coordinator => App.CreateClient("coordinator-1", Roles.Trials);

    [Fact]
    public async Task The_total_counts_each_listed_patient_once_after_ingestions_re_ingestions_and_a_full_re_match()
    {
        foreach (var mrn in new[] { "MRN-TOTAL-1", "MRN-TOTAL-2", "MRN-TOTAL-3" })
        {
            await IngestAsync(SquamousPik3ca(mrn, "ACC-1"));
        }

        Assert.Equal(3, await TotalAsync());

        // A second report for a listed patient: a new evaluation replaces the latest one, the patient stays listed once.
        await IngestAsync(SquamousPik3ca("MRN-TOTAL-1", "ACC-2"));
        Assert.Equal(3, await TotalAsync());

        await App.MakeLatestEvaluationsStaleAsync();
        var run = await App.Services.GetRequiredService<Rematcher>().RunAsync(batchSize: 2, CancellationToken.None);

        Assert.Equal(3, run.Patients);
        Assert.Equal(3, await TotalAsync());
        Assert.Equal(3, await App.CountAsync("latest_trial_recommendations WHERE trial_id = 'Lung-MAP' AND arm_id = 'S1400B'"));
        Assert.Equal(0, await App.CountAsync(Mismatches));
        Assert.Equal(0, await App.CountAsync(Db.LatestRowsDrift));
    }

    private async Task<int> TotalAsync()
    {
        var first = await GetAsync<JsonElement>(Coordinator, "/api/trials/Lung-MAP/arms/S1400B/patients?pageSize=1");
        var second = await GetAsync<JsonElement>(Coordinator, "/api/trials/Lung-MAP/arms/S1400B/patients?page=2&pageSize=1");
        Assert.Equal(first.GetProperty("total").GetInt32(), second.GetProperty("total").GetInt32());
        return first.GetProperty("total").GetInt32();
    }

    private static string SquamousPik3ca(string mrn, string accession) =>
        Cases.Patient(mrn, "LUSC", "Lung Squamous Cell Carcinoma", TestSite.Lung)
            .Therapy("carboplatin", Cases.Diagnosis.AddMonths(1), Cases.Diagnosis.AddMonths(5))
            .Report(new TestReport($"{accession}-{mrn}", TestSite.Lung, Cases.Diagnosis, [new TestVariant("PIK3CA", "p.Glu545Lys", null, 0.25m)]))
            .ToJson();
}
