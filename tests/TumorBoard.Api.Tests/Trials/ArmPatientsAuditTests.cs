using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.Tests.Infrastructure;

namespace TumorBoard.Api.Tests.Trials;

/// <summary>A coordinator's arm patient list is a read of those patients, so it is on record: who, which arm, which patients.</summary>
public sealed class ArmPatientsAuditTests(TumorBoardApp app) : ApiTest(app)
{
    [Fact]
    public async Task Listing_an_arms_patients_writes_an_audit_row_with_the_coordinator_the_arm_and_the_listed_patient_ids()
    {
        var ingested = await IngestAsync(Cases.SquamousLungPik3ca());

        await GetAsync<JsonElement>(App.CreateClient("coordinator-7", Roles.Trials), "/api/trials/lung-map/arms/S1400B/patients?pageSize=10");

        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT actor, action, entity_id, details::text FROM audit_events WHERE entity_type = 'arm-patients'", connection);
        await using var reader = await query.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "no audit row for the arm patient list");
        Assert.Equal(("coordinator-7", "read", "Lung-MAP/S1400B"), (reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        var details = JsonDocument.Parse(reader.GetString(3)).RootElement;
        Assert.Equal([ingested.PatientId], details.GetProperty("patientIds").EnumerateArray().Select(p => p.GetGuid()));
        Assert.Equal(10, details.GetProperty("pageSize").GetInt32());
        Assert.False(await reader.ReadAsync(), "one list, one audit row");
    }

    [Fact]
    public async Task An_arm_page_shows_the_arms_current_status_and_its_last_change_read_in_the_same_batch_as_the_page()
    {
        var ingested = await IngestAsync(Cases.SquamousLungPik3ca());
        var coordinator = App.CreateClient("coordinator-8", Roles.Trials);
        var trial = await GetAsync<JsonElement>(coordinator, "/api/trials/Lung-MAP");
        var shipped = trial.GetProperty("arms").EnumerateArray().Single(a => a.GetProperty("armId").GetString() == "S1400B").GetProperty("status").GetString();

        var before = await GetAsync<JsonElement>(coordinator, "/api/trials/Lung-MAP/arms/S1400B/patients");
        var target = shipped == "suspended" ? "open" : "suspended";
        var patch = await coordinator.PatchAsJsonAsync("/api/trials/Lung-MAP/arms/S1400B", new { status = target, reason = "accrual paused" });
        var after = await GetAsync<JsonElement>(coordinator, "/api/trials/Lung-MAP/arms/S1400B/patients");

        Assert.Equal(shipped, before.GetProperty("armStatus").GetString());
        Assert.True(!before.TryGetProperty("lastStatusChange", out var none) || none.ValueKind == JsonValueKind.Null, "no change recorded yet");
        Assert.Equal(System.Net.HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal(target, after.GetProperty("armStatus").GetString());
        var change = after.GetProperty("lastStatusChange");
        Assert.Equal((shipped, target, "coordinator-8", "accrual paused"), (change.GetProperty("from").GetString(), change.GetProperty("to").GetString(),
            change.GetProperty("changedBy").GetString(), change.GetProperty("reason").GetString()));
        // The patient's summary comes from the same batch: its identifiers and its tumour type.
        var item = Assert.Single(after.GetProperty("items").EnumerateArray());
        Assert.Equal(ingested.PatientId, item.GetProperty("patientId").GetGuid());
        Assert.All(item.GetProperty("identifiers").EnumerateArray(), i => Assert.False(string.IsNullOrEmpty(i.GetProperty("value").GetString())));
        Assert.NotEmpty(item.GetProperty("identifiers").EnumerateArray());
        Assert.False(string.IsNullOrEmpty(item.GetProperty("tumorType").GetProperty("oncotreeCode").GetString()));
    }
}
