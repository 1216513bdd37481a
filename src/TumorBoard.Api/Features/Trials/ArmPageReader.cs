using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using TumorBoard.Api.ReadModels;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Api.Features.Trials;

/// <summary>A page row of an arm list: the recommendation, its patient's summary.</summary>
internal sealed record ArmPageItem(Guid RecommendationId, Guid PatientId, Guid EvaluationId, string Status, string Payload, PatientSummaryDto Patient);

/// <summary>What an arm page shows besides its ids: the rows in page order, the arm's override (null: the trial's default) and its last status change.</summary>
internal sealed record ArmPageContent(List<ArmPageItem> Items, string? StatusOverride, ArmStatusChangeEntity? LastChange);

/// <summary>
/// Everything a page of an arm list needs once its ids are known, in one round trip: one statement batch (one
/// implicit transaction) that writes the coordinator's audit row and reads the page's rows, their patients with
/// identifiers, and the arm's status row by key with its last status change. The audit row commits with the reads or,
/// when any statement fails, not at all and nothing is shown. This replaced five round trips (rows, patients, the
/// audit INSERT, every arm-status override, the last change), each a few hundred microseconds even on a quiet machine.
/// </summary>
internal static class ArmPageReader
{
    private const string InsertAudit =
        "INSERT INTO audit_events (at, actor, action, entity_type, entity_id, patient_id, details) VALUES ($1, $2, $3, $4, $5, NULL, $6::jsonb)";

    private const string SelectRows =
        "SELECT r.id, r.patient_id, r.evaluation_id, r.status, r.payload::text FROM recommendations r WHERE r.id = ANY($1)";

    private const string SelectPatients =
        "SELECT p.id, p.tumor_oncotree_code, p.tumor_name, i.system, i.value FROM patients p "
        + "LEFT JOIN patient_identifiers i ON i.patient_id = p.id WHERE p.id = ANY($1)";

    // One row whether or not the arm has an override or a change: the override by key, the newest change beside it.
    private const string SelectArmState =
        "SELECT (SELECT s.status FROM arm_statuses s WHERE s.trial_id = $1 AND s.arm_id = $2), "
        + "c.from_status, c.to_status, c.changed_by, c.changed_at, c.reason FROM (SELECT 1) AS one LEFT JOIN LATERAL "
        + "(SELECT * FROM arm_status_changes x WHERE x.trial_id = $1 AND x.arm_id = $2 ORDER BY x.id DESC LIMIT 1) AS c ON TRUE";

    public static async Task<ArmPageContent> ReadAsync(
        TumorBoardDbContext db, string trialId, string armId, ArmPatientsSlice slice, AuditEventEntity audit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(slice);
        ArgumentNullException.ThrowIfNull(audit);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var batch = new NpgsqlBatch(connection);
            batch.BatchCommands.Add(Command(InsertAudit, audit.At, audit.Actor, audit.Action, audit.EntityType, audit.EntityId, audit.Details));
            batch.BatchCommands.Add(Command(SelectRows, slice.RecommendationIds.ToArray()));
            batch.BatchCommands.Add(Command(SelectPatients, slice.PatientIds.Distinct().ToArray()));
            batch.BatchCommands.Add(Command(SelectArmState, trialId, armId));
            await using var reader = await batch.ExecuteReaderAsync(ct);

            var rows = new Dictionary<Guid, (Guid PatientId, Guid EvaluationId, string Status, string Payload)>(slice.RecommendationIds.Count);
            while (await reader.ReadAsync(ct))
            {
                rows[reader.GetGuid(0)] = (reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3), reader.GetString(4));
            }

            await reader.NextResultAsync(ct);
            var patients = new Dictionary<Guid, (string? Code, string? Name, List<IdentifierDto> Identifiers)>();
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetGuid(0);
                if (!patients.TryGetValue(id, out var patient))
                {
                    patients[id] = patient = (Text(reader, 1), Text(reader, 2), []);
                }

                if (!reader.IsDBNull(3))
                {
                    patient.Identifiers.Add(new IdentifierDto(reader.GetString(3), reader.GetString(4)));
                }
            }

            await reader.NextResultAsync(ct);
            await reader.ReadAsync(ct);
            var statusOverride = Text(reader, 0);
            var lastChange = reader.IsDBNull(2) ? null : new ArmStatusChangeEntity
            {
                TrialId = trialId,
                ArmId = armId,
                FromStatus = reader.GetString(1),
                ToStatus = reader.GetString(2),
                ChangedBy = reader.GetString(3),
                ChangedAt = reader.GetFieldValue<DateTimeOffset>(4),
                Reason = Text(reader, 5),
            };

            var items = new List<ArmPageItem>(rows.Count);
            foreach (var id in slice.RecommendationIds)
            {
                var (patientId, evaluationId, status, payload) = rows[id];
                var (code, name, identifiers) = patients[patientId];
                items.Add(new ArmPageItem(id, patientId, evaluationId, status, payload, Summary(patientId, code, name, identifiers)));
            }

            return new ArmPageContent(items, statusOverride, lastChange);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // As PatientSummaries.Of builds it from the entity: identifiers by system then value, tumour type when coded.
    private static PatientSummaryDto Summary(Guid id, string? code, string? name, List<IdentifierDto> identifiers) =>
        new(id,
            identifiers.OrderBy(i => i.System, StringComparer.InvariantCulture).ThenBy(i => i.Value, StringComparer.InvariantCulture).ToList(),
            code is null ? null : new TumorTypeDto(code, name ?? code));

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(value switch
            {
                Guid[] ids => new NpgsqlParameter { Value = ids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid },
                _ => new NpgsqlParameter { Value = value },
            });
        }

        return command;
    }
}
