using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Entities;
using TumorBoard.Persistence.Reading;

namespace TumorBoard.Api.Features.Ingestion;

/// <summary>
/// A returning patient's stored state, read tracked for ingestion to apply a bundle to: identifiers, conditions, prior
/// therapies, clinical markers, disease statuses and every current report with its specimen and alterations. The same
/// entities, changed by the bundle, are what the evaluation reads (<c>PatientSnapshotLoader.FromPatient</c>).
/// </summary>
/// <remarks>
/// One round trip: a batch of one statement per table (<see cref="GraphQuery"/>), where EF's split query (<c>Include</c>s
/// with <c>AsSplitQuery</c>) took eight. It is its own round trip after <see cref="IngestionReads"/>, sent only for a
/// returning patient: the same statements in the first batch, keyed by the bundle's identifiers, cost every new patient's
/// bundle nine statements that find nothing, 1.4 ms more PostgreSQL CPU per bundle (docs/performance.md, "Ingestion,
/// issue 12, session 6"). <see cref="Paths"/> must name what <c>PatientSnapshotLoader.WithEvaluationState</c> includes,
/// plus identifiers and conditions: a new patient fact needs an Include there, a path here (a test compares the two) and a
/// line in the snapshot.
/// </remarks>
internal static class PatientState
{
    /// <summary>The navigations read with the patient, as include paths.</summary>
    public static readonly string[] Paths =
    [
        nameof(PatientEntity.Identifiers),
        nameof(PatientEntity.Conditions),
        nameof(PatientEntity.PriorTherapies),
        nameof(PatientEntity.ClinicalMarkers),
        nameof(PatientEntity.DiseaseStatuses),
        nameof(PatientEntity.Reports),
        $"{nameof(PatientEntity.Reports)}.{nameof(ReportEntity.Specimen)}",
        $"{nameof(PatientEntity.Reports)}.{nameof(ReportEntity.Alterations)}",
    ];

    private static readonly ConcurrentDictionary<IModel, GraphQuery> Queries = new(ReferenceEqualityComparer.Instance);

    /// <summary>The stored patient, tracked, with everything an ingestion applies a bundle to and evaluates.</summary>
    /// <remarks>Which patient it is comes from <see cref="IngestionReads"/>, in the caller's transaction, behind its locks;
    /// a new patient needs no read at all.</remarks>
    public static async Task<PatientEntity> LoadAsync(TumorBoardDbContext db, Guid patientId, CancellationToken cancellationToken)
    {
        var query = Query(db.Model);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var batch = new NpgsqlBatch(connection)
        {
            Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction(),
        };
        query.AddTo(batch, patientId);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var patients = await query.ReadAsync(reader, db, cancellationToken);
        return (PatientEntity)patients.Single();
    }

    /// <summary>The query of one patient ($1, its id) with its state.</summary>
    public static GraphQuery Query(IModel model) =>
        Queries.GetOrAdd(model, static m => GraphQuery.For(m, typeof(PatientEntity), "= $1", Paths));
}
