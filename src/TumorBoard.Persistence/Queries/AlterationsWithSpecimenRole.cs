using TumorBoard.Persistence.Entities;

namespace TumorBoard.Persistence.Queries;

/// <summary>An alteration with the role of the specimen its report came from ("unknown" without a specimen).</summary>
public sealed record AlterationWithSpecimenRole(AlterationEntity Alteration, string Role);

/// <summary>The one query that reads alterations together with their specimen's role, in report then reported order.</summary>
public static class AlterationsWithSpecimenRole
{
    /// <summary>
    /// Joins the given alterations to their reports: ordered by when the report was stored, then by the
    /// alteration's place in it. Callers filter <paramref name="alterations"/> first (patient, report, evaluation).
    /// </summary>
    public static IQueryable<AlterationWithSpecimenRole> WithSpecimenRole(this TumorBoardDbContext db, IQueryable<AlterationEntity> alterations)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from a in alterations
               join r in db.Reports on a.ReportId equals r.Id
               orderby r.StoredAt, a.Ordinal
               select new AlterationWithSpecimenRole(a, r.Specimen == null ? "unknown" : r.Specimen.Role);
    }
}
