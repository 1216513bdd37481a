namespace TumorBoard.Core.Patients;

/// <summary>
/// Non-genomic tumour markers that rules and trial criteria may require: receptor status by IHC/ISH, and
/// protein expression by IHC (PTEN, MLH1, MSH2, Rb, c-MET), where <see cref="MarkerStatus.Positive"/> means
/// the protein is expressed and <see cref="MarkerStatus.Negative"/> means it is lost (PTEN loss, MLH1 loss).
/// </summary>
public enum ClinicalMarker
{
    /// <summary>Hormone receptor: positive when ER or PR is positive.</summary>
    HormoneReceptor,
    EstrogenReceptor,
    ProgesteroneReceptor,
    Her2,

    /// <summary>PTEN protein by IHC; negative = complete loss of expression.</summary>
    Pten,

    /// <summary>MLH1 protein by IHC; negative = loss of nuclear expression (mismatch-repair deficiency).</summary>
    Mlh1,

    /// <summary>MSH2 protein by IHC; negative = loss of nuclear expression (mismatch-repair deficiency).</summary>
    Msh2,

    /// <summary>Retinoblastoma protein (Rb) by IHC; positive = expressed.</summary>
    Rb,

    /// <summary>c-MET protein by IHC; positive = overexpressed per the assay's cut-off.</summary>
    Met,

    /// <summary>LAG-3 by IHC; positive = expressed at the assay's cut-off (NCI-MATCH Z1M: at least 1% of cells).</summary>
    Lag3,
}

/// <summary>Result of a clinical marker test. HER2-low (IHC 1+, or 2+ without amplification) is HER2-negative for rules.</summary>
public enum MarkerStatus
{
    Positive,
    Negative,
    Low,
    Equivocal,
}
