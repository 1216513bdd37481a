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
}
