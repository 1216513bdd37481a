using Microsoft.EntityFrameworkCore;
using TumorBoard.Api.ReadModels;
using TumorBoard.Core.Patients;
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
    /// <summary>The stored patients any of the identifiers belong to (more than one is a conflict); empty for a new patient.</summary>
    public static async Task<List<PatientEntity>> FindAsync(TumorBoardDbContext db, IReadOnlyList<BusinessIdentifier> identifiers, CancellationToken cancellationToken)
    {
        var systems = identifiers.Select(i => i.System).ToList();
        var values = identifiers.Select(i => i.Value).ToList();
        var candidates = await db.PatientIdentifiers.AsNoTracking()
            .Where(i => systems.Contains(i.System) && values.Contains(i.Value))
            .ToListAsync(cancellationToken);
        var patientIds = candidates
            .Where(c => identifiers.Any(i => i.System == c.System && i.Value == c.Value))
            .Select(c => c.PatientId)
            .Distinct()
            .ToList();
        if (patientIds.Count == 0)
        {
            return [];
        }

        return await db.Patients
            .Include(p => p.Identifiers)
            .Include(p => p.Conditions)
            .WithEvaluationState()
            .Where(p => patientIds.Contains(p.Id))
            .ToListAsync(cancellationToken);
    }
}
