namespace TumorBoard.Core.Patients;

/// <summary>Non-genomic tumour markers that rules may require (receptor status by IHC/ISH).</summary>
public enum ClinicalMarker
{
    /// <summary>Hormone receptor: positive when ER or PR is positive.</summary>
    HormoneReceptor,
    EstrogenReceptor,
    ProgesteroneReceptor,
    Her2,
}

/// <summary>Result of a clinical marker test. HER2-low (IHC 1+, or 2+ without amplification) is HER2-negative for rules.</summary>
public enum MarkerStatus
{
    Positive,
    Negative,
    Low,
    Equivocal,
}
