namespace TumorBoard.Api.Features.Rematch;

/// <summary>Outcome of one re-match run.</summary>
public sealed record RematchRun(bool Acquired, int Patients, int Batches);

/// <summary>A committed batch of a running job, for observers (progress displays, tests that stop an instance mid-run).</summary>
public sealed record RematchProgress(Guid JobId, int Batches, int Patients);
