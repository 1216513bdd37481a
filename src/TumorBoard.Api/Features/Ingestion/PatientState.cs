using Microsoft.EntityFrameworkCore;
using TumorBoard.Api.ReadModels;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Api.Features.Ingestion;

/// <summary>
/// Reads a returning patient's stored state once, tracked, for ingestion to apply a bundle to: identifiers,
/// conditions, prior therapies, clinical markers, disease statuses and every current report with its specimen and alterations.
/// The same entities, changed by the bundle, are what the evaluation reads (<c>PatientSnapshotLoader.FromPatient</c>),
/// so a new patient fact needs an Include in PatientSnapshotLoader.WithEvaluationState and a line in the snapshot, nothing else.
/// </summary>
internal static class PatientState
{
    /// <summary>The stored patient, tracked, with everything an ingestion applies a bundle to and evaluates.</summary>
    /// <remarks>Which patient it is comes from <see cref="IngestionReads"/>; a new patient needs no read at all.</remarks>
    public static async Task<PatientEntity> LoadAsync(TumorBoardDbContext db, Guid patientId, CancellationToken cancellationToken) =>
        await db.Patients
            .Include(p => p.Identifiers)
            .Include(p => p.Conditions)
            .WithEvaluationState()
            .SingleAsync(p => p.Id == patientId, cancellationToken);
}
