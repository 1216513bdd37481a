namespace TumorBoard.Core.Patients;

/// <summary>
/// The clinician's judgement of the cancer's trend (mCODE CancerDiseaseStatus): whether it progresses, is
/// stable, improves or is not detected. <see cref="Undetermined"/> is recorded but decides nothing.
/// </summary>
public enum DiseaseStatus
{
    Progression,
    Stable,
    Improved,
    NotDetected,
    Undetermined,
}

/// <summary>One disease-status assessment with its date and the record it came from (<c>Observation/ds-1</c>).</summary>
public sealed record DiseaseStatusRecord(DiseaseStatus Status, DateTimeOffset? EffectiveAt, string Source);
