using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Metadata;
using TumorBoard.Persistence.Entities;
using TumorBoard.Persistence.Reading;

namespace TumorBoard.Api.Features.Ingestion;

/// <summary>
/// A returning patient's stored state, read tracked for ingestion to apply a bundle to: identifiers, conditions, prior
/// therapies, clinical markers, disease statuses and every current report with its specimen and alterations. The same
/// entities, changed by the bundle, are what the evaluation reads (<c>PatientSnapshotLoader.FromPatient</c>).
/// </summary>
/// <remarks>
/// The statements go out in the ingestion's first batch, behind the advisory locks (<see cref="IngestionReads"/>): one per
/// table, for the patients the bundle's identifiers belong to (each pair compared whole, as
/// <see cref="IngestionReads.PatientIds"/> does), so a new patient costs nine statements that find nothing and a returning
/// one no round trip of its own. EF's split query (<c>Include</c>s with <c>AsSplitQuery</c>) sent the same reads as eight
/// round trips. <see cref="Paths"/> must name what <c>PatientSnapshotLoader.WithEvaluationState</c> includes, plus
/// identifiers and conditions: a new patient fact needs an Include there, a path here (a test compares the two) and a line in
/// the snapshot.
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

    /// <summary>The patients holding one of the identifier pairs ($1 systems, $2 values, paired by position).</summary>
    /// <remarks>
    /// One look-up of the unique (system, value) index per pair: <c>OFFSET 0</c> keeps PostgreSQL from flattening the
    /// lateral subquery into a join, for which its generic plan chose a sequential scan of every identifier (or an index
    /// scan on the system alone, which every patient shares).
    /// </remarks>
    private const string PatientKeysSql = """
        SELECT i.patient_id FROM unnest($1::text[], $2::text[]) AS b(system, value)
        CROSS JOIN LATERAL (SELECT x.patient_id FROM patient_identifiers x WHERE x.system = b.system AND x.value = b.value OFFSET 0) AS i
        """;

    private static readonly ConcurrentDictionary<IModel, GraphQuery> Queries = new(ReferenceEqualityComparer.Instance);

    /// <summary>The query of the patients with any of the given identifiers, with their state.</summary>
    public static GraphQuery Query(IModel model) =>
        Queries.GetOrAdd(model, static m => GraphQuery.For(m, typeof(PatientEntity), PatientKeysSql, Paths));
}
