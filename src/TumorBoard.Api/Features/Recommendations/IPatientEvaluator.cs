namespace TumorBoard.Api.Features.Recommendations;

/// <summary>Evaluates a patient against the loaded knowledge base and stores the new, immutable evaluation.</summary>
public interface IPatientEvaluator
{
    /// <summary>Reads the stored patient, evaluates and saves inside the caller's transaction; returns the new evaluation id.</summary>
    Task<Guid> EvaluateAsync(Guid patientId, string trigger, CancellationToken cancellationToken);

    /// <summary>
    /// Evaluates a patient state the caller already holds (ingestion: the stored state plus the bundle, not saved yet),
    /// clears the patient's previous latest flags and adds the evaluation, its recommendation rows and audit row to the
    /// context. The caller sets the patient's latest evaluation and saves.
    /// </summary>
    Task<EvaluationDocument> AddEvaluationAsync(PatientSnapshot snapshot, string trigger, CancellationToken cancellationToken);
}
