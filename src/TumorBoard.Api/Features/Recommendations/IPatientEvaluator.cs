namespace TumorBoard.Api.Features.Recommendations;

/// <summary>Evaluates a stored patient against the loaded knowledge base and stores the new, immutable evaluation.</summary>
public interface IPatientEvaluator
{
    /// <summary>Runs inside the caller's transaction; returns the new evaluation id.</summary>
    Task<Guid> EvaluateAsync(Guid patientId, string trigger, CancellationToken cancellationToken);
}
