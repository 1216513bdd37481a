using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using TumorBoard.Api.ReadModels;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Api.Features.Rematch;

/// <summary>
/// The snapshots of a re-match batch's patients, read in one round trip: one statement per table in an Npgsql batch,
/// each naming only the columns an evaluation reads, mapped by hand into the entities that
/// <see cref="PatientSnapshotLoader.FromPatient"/> turns into snapshots (the mapping every other path uses).
/// </summary>
/// <remarks>
/// <para>
/// EF's split query (<see cref="PatientSnapshotLoader.WithEvaluationState"/>) read every column of every row, a report's
/// whole FHIR text and lab annotations included (kilobytes per report, detoasted by PostgreSQL and materialised by the
/// service, then never read), in six round trips and through EF's materialiser: more than half of the evaluating stage's
/// CPU (docs/performance.md, "Issue 16, session 6: the evaluating stage"). The entities built here therefore hold only
/// what an evaluation reads; the columns left out are set to empty strings where the entity requires a value. A new
/// patient fact an evaluation reads needs a column here as well as an Include there;
/// <c>RematchDocumentTests</c> holds the two paths' documents equal.
/// </para>
/// <para>
/// Rows come per patient in key order (UUIDv7: arrival order), so a patient's reports, therapies and markers are
/// evaluated in one defined order; EF's split queries ordered only by the patient and left the rest to the plan.
/// At READ COMMITTED each statement takes its own snapshot, as each of EF's split queries did: a patient changed between
/// two of them is re-evaluated by that change's own evaluation, and the writing stage skips it (its latest evaluation
/// is no longer the one this batch read).
/// </para>
/// </remarks>
public static class RematchSnapshots
{
    private const string PatientsSql = """
        SELECT id, sex, birth_date, tumor_oncotree_code, tumor_name, latest_evaluation_id
        FROM patients WHERE id = ANY($1) ORDER BY id
        """;

    private const string TherapiesSql = """
        SELECT patient_id, drugs, start, "end", source
        FROM prior_therapies WHERE patient_id = ANY($1) ORDER BY patient_id, id
        """;

    private const string MarkersSql = """
        SELECT patient_id, marker, status, effective_at, recorded_at
        FROM clinical_markers WHERE patient_id = ANY($1) ORDER BY patient_id, id
        """;

    private const string DiseaseStatusesSql = """
        SELECT patient_id, status, effective_at, source
        FROM disease_statuses WHERE patient_id = ANY($1) ORDER BY patient_id, id
        """;

    private const string ReportsSql = """
        SELECT r.id, r.patient_id, r.issued_at, r.effective_at, r.panel_genes, s.id, s.role, s.collected_at, s.purity
        FROM reports r LEFT JOIN specimens s ON s.id = r.specimen_id
        WHERE r.patient_id = ANY($1) ORDER BY r.patient_id, r.id
        """;

    // By the report's patient, as the Include reaches them (an alteration's own patient_id is not consulted).
    private const string AlterationsSql = """
        SELECT a.report_id, a.ordinal, a.key, a.gene, a.kind, a.protein_json, a.coding_change, a.transcript, a.copy_number,
               a.cna_call, a.fusion_genes, a.value, a.vaf, a.origin, a.description, a.interpreted
        FROM reports r JOIN alterations a ON a.report_id = r.id
        WHERE r.patient_id = ANY($1) ORDER BY a.report_id, a.ordinal, a.id
        """;

    /// <summary>The snapshots of the patients with these ids (those that exist), in id order.</summary>
    public static async Task<List<PatientSnapshot>> LoadAsync(TumorBoardDbContext db, IReadOnlyCollection<Guid> patientIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(patientIds);
        var ids = patientIds.ToArray();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var batch = new NpgsqlBatch(connection);
            foreach (var sql in new[] { PatientsSql, TherapiesSql, MarkersSql, DiseaseStatusesSql, ReportsSql, AlterationsSql })
            {
                var command = new NpgsqlBatchCommand(sql);
                command.Parameters.Add(new NpgsqlParameter { Value = ids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
                batch.BatchCommands.Add(command);
            }

            await using var reader = await batch.ExecuteReaderAsync(ct);
            var patients = new Dictionary<Guid, PatientEntity>(ids.Length);
            var ordered = new List<PatientEntity>(ids.Length);
            while (await reader.ReadAsync(ct))
            {
                var patient = new PatientEntity
                {
                    Id = reader.GetGuid(0),
                    Sex = Text(reader, 1),
                    BirthDate = reader.IsDBNull(2) ? null : reader.GetFieldValue<DateOnly>(2),
                    TumorOncotreeCode = Text(reader, 3),
                    TumorName = Text(reader, 4),
                    LatestEvaluationId = reader.IsDBNull(5) ? null : reader.GetGuid(5),
                };
                patients.Add(patient.Id, patient);
                ordered.Add(patient);
            }

            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                Of(patients, reader)?.PriorTherapies.Add(new PriorTherapyEntity
                {
                    Drugs = reader.GetFieldValue<List<string>>(1),
                    Start = Time(reader, 2),
                    End = Time(reader, 3),
                    Source = Text(reader, 4),
                });
            }

            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                Of(patients, reader)?.ClinicalMarkers.Add(new ClinicalMarkerEntity
                {
                    Marker = reader.GetString(1),
                    Status = reader.GetString(2),
                    EffectiveAt = Time(reader, 3),
                    RecordedAt = reader.GetFieldValue<DateTimeOffset>(4),
                    Source = string.Empty,
                });
            }

            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                Of(patients, reader)?.DiseaseStatuses.Add(new DiseaseStatusEntity
                {
                    Status = reader.GetString(1),
                    EffectiveAt = Time(reader, 2),
                    Source = reader.GetString(3),
                });
            }

            await reader.NextResultAsync(ct);
            var reports = new Dictionary<Guid, ReportEntity>();
            while (await reader.ReadAsync(ct))
            {
                var report = new ReportEntity
                {
                    Id = reader.GetGuid(0),
                    PatientId = reader.GetGuid(1),
                    IssuedAt = Time(reader, 2),
                    EffectiveAt = Time(reader, 3),
                    PanelGenes = reader.IsDBNull(4) ? null : reader.GetFieldValue<List<string>>(4),
                    Specimen = reader.IsDBNull(5) ? null : new SpecimenEntity
                    {
                        Id = reader.GetGuid(5),
                        Role = reader.GetString(6),
                        CollectedAt = Time(reader, 7),
                        Purity = reader.IsDBNull(8) ? null : reader.GetDecimal(8),
                        RoleReason = string.Empty,
                    },
                    IdentifierSystem = string.Empty,
                    IdentifierValue = string.Empty,
                    Status = string.Empty,
                    ContentHash = string.Empty,
                    FhirJson = string.Empty,
                };
                if (patients.TryGetValue(report.PatientId, out var patient))
                {
                    reports.Add(report.Id, report);
                    patient.Reports.Add(report);
                }
            }

            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var reportId = reader.GetGuid(0);
                if (!reports.TryGetValue(reportId, out var report))
                {
                    // A report an ingestion committed after the reports' statement ran: that ingestion evaluated the
                    // patient anew, so the writing stage skips this batch's evaluation of it anyway.
                    continue;
                }

                report.Alterations.Add(new AlterationEntity
                {
                    ReportId = reportId,
                    Ordinal = reader.GetInt32(1),
                    Key = reader.GetString(2),
                    Gene = reader.GetString(3),
                    Kind = reader.GetString(4),
                    ProteinJson = Text(reader, 5),
                    CodingChange = Text(reader, 6),
                    Transcript = Text(reader, 7),
                    CopyNumber = Number(reader, 8),
                    CnaCall = Text(reader, 9),
                    FusionGenes = reader.IsDBNull(10) ? null : reader.GetFieldValue<List<string>>(10),
                    Value = Number(reader, 11),
                    Vaf = Number(reader, 12),
                    Origin = reader.GetString(13),
                    Description = Text(reader, 14),
                    Interpreted = reader.GetBoolean(15),
                });
            }

            return ordered.ConvertAll(PatientSnapshotLoader.FromPatient);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The patient a child row belongs to; null for a patient the first statement did not return.</summary>
    private static PatientEntity? Of(Dictionary<Guid, PatientEntity> patients, NpgsqlDataReader reader) =>
        patients.GetValueOrDefault(reader.GetGuid(0));

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? Time(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    private static decimal? Number(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDecimal(ordinal);
}
