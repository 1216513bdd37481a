using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using TumorBoard.Core.Ingestion;
using TumorBoard.Core.Patients;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Queries;
using TrialStateQuery = TumorBoard.Persistence.Queries.TrialState;

namespace TumorBoard.Api.Features.Ingestion;

/// <summary>A stored patient identifier the bundle's patient may be.</summary>
internal readonly record struct StoredIdentifier(string System, string Value, Guid PatientId);

/// <summary>What planning needs of a stored report with one of the bundle's report identifiers.</summary>
internal sealed record StoredReport(Guid Id, Guid PatientId, string IdentifierSystem, string IdentifierValue, string Status, string ContentHash, int ContentHashVersion);

/// <summary>
/// Everything an ingestion reads before it writes, in one round trip: the advisory locks on the patient's and the
/// reports' identifiers, the stored identifiers of the patient, the stored reports with the bundle's identifiers, and the
/// trial state the evaluation needs. These were four round trips, each through EF's query pipeline
/// (docs/performance.md, "Ingestion path, issue 12, session 5").
/// </summary>
/// <remarks>
/// Why the look-ups sent behind the lock in one batch still see a concurrent duplicate's rows: PostgreSQL runs a batch's
/// statements one after the other, and at READ COMMITTED each statement takes its own snapshot when it starts (when its
/// Bind message is processed, which the server does only after the statement before it has finished). The lock statement
/// returns only once every lock is granted, that is once a concurrent post holding one of them has committed or rolled
/// back; the look-ups behind it therefore see whatever that post committed, exactly as when they were separate round
/// trips after the lock. Twenty concurrent posts of one report still store one (<c>IngestionTests</c>).
/// </remarks>
internal sealed record IngestionReads(List<StoredIdentifier> Identifiers, List<StoredReport> Reports, List<TrialStateRow> TrialState)
{
    private const string LockSql = "SELECT pg_advisory_xact_lock(hashtextextended(key, 0)) FROM unnest($1::text[]) AS key";

    private const string IdentifiersSql = "SELECT system, value, patient_id FROM patient_identifiers WHERE system = ANY($1) AND value = ANY($2)";

    private const string ReportsSql = """
        SELECT id, patient_id, identifier_system, identifier_value, status, content_hash, content_hash_version FROM reports
        WHERE identifier_system = ANY($1) AND identifier_value = ANY($2)
        """;

    /// <summary>
    /// Takes the locks (sorted, so two transactions never take them in opposite orders) and reads, in the caller's open
    /// transaction.
    /// </summary>
    public static async Task<IngestionReads> LockAndReadAsync(TumorBoardDbContext db, ParsedBundle bundle, CancellationToken cancellationToken)
    {
        var patient = bundle.Patient!;
        var keys = patient.Identifiers.Select(i => "patient:" + i)
            .Concat(bundle.Reports.Select(r => "report:" + r.Identifier))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var batch = new NpgsqlBatch(connection)
        {
            Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction(),
        };
        batch.BatchCommands.Add(Command(LockSql, keys));
        batch.BatchCommands.Add(Command(IdentifiersSql,
            patient.Identifiers.Select(i => i.System).Distinct(StringComparer.Ordinal).ToArray(),
            patient.Identifiers.Select(i => i.Value).Distinct(StringComparer.Ordinal).ToArray()));
        batch.BatchCommands.Add(Command(ReportsSql,
            bundle.Reports.Select(r => r.Identifier.System).Distinct(StringComparer.Ordinal).ToArray(),
            bundle.Reports.Select(r => r.Identifier.Value).Distinct(StringComparer.Ordinal).ToArray()));
        batch.BatchCommands.Add(new NpgsqlBatchCommand(TrialStateQuery.Sql));

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        // The lock statement's rows are one void per key: nothing to read.
        await reader.NextResultAsync(cancellationToken);
        var identifiers = new List<StoredIdentifier>();
        while (await reader.ReadAsync(cancellationToken))
        {
            identifiers.Add(new StoredIdentifier(reader.GetString(0), reader.GetString(1), reader.GetGuid(2)));
        }

        await reader.NextResultAsync(cancellationToken);
        var reports = new List<StoredReport>();
        while (await reader.ReadAsync(cancellationToken))
        {
            reports.Add(new StoredReport(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetInt32(6)));
        }

        await reader.NextResultAsync(cancellationToken);
        var trialState = await TrialStateQuery.ReadRowsAsync(reader, cancellationToken);
        return new IngestionReads(identifiers, reports, trialState);
    }

    /// <summary>The stored patients the bundle's identifiers belong to (each pair compared whole; more than one is a conflict).</summary>
    public List<Guid> PatientIds(IReadOnlyList<BusinessIdentifier> identifiers) => Identifiers
        .Where(c => identifiers.Any(i => string.Equals(i.System, c.System, StringComparison.Ordinal) && string.Equals(i.Value, c.Value, StringComparison.Ordinal)))
        .Select(c => c.PatientId)
        .Distinct()
        .ToList();

    /// <summary>The stored report with this identifier (system and value together), if any.</summary>
    public StoredReport? Report(BusinessIdentifier identifier) => Reports.SingleOrDefault(r =>
        string.Equals(r.IdentifierSystem, identifier.System, StringComparison.Ordinal) && string.Equals(r.IdentifierValue, identifier.Value, StringComparison.Ordinal));

    /// <summary>Positional parameters: Npgsql sends the text as written, without rewriting named placeholders.</summary>
    private static NpgsqlBatchCommand Command(string sql, params string[][] arrays)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var array in arrays)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = array });
        }

        return command;
    }
}
