using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Api.Features.Audit;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.ReadModels;
using TumorBoard.Persistence;

namespace TumorBoard.Api.Features.Recommendations;

/// <summary>GET /api/patients/{id}/evaluations: the patient's evaluations, newest first, each with its board state and cause.</summary>
internal static class EvaluationHistoryApi
{
    public static async Task<Results<Ok<List<EvaluationHistoryItemDto>>, ProblemHttpResult>> ListAsync(
        Guid patientId, TumorBoardDbContext db, AuditLog audit, CancellationToken ct)
    {
        var patient = await db.Patients.Where(p => p.Id == patientId).Select(p => new { p.LatestEvaluationId }).SingleOrDefaultAsync(ct);
        if (patient is null)
        {
            return NotFoundProblem.For("patient", patientId);
        }

        var history = await EvaluationHistory.LoadAsync(db, patientId, patient.LatestEvaluationId, ct);
        var items = history.Evaluations.Reverse().Select(e => new EvaluationHistoryItemDto(
            e.Id,
            e.EvaluatedAt,
            history.StateOf(e),
            history.SignOffOf(e.Id) is { } s ? new SignOffStateDto(s.Actor, s.At, s.Comment) : null,
            history.CauseOf(e))).ToList();
        await audit.RecordReadAsync("evaluations", patientId.ToString(), patientId, ct);
        return TypedResults.Ok(items);
    }
}
