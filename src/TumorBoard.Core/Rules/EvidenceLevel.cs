namespace TumorBoard.Core.Rules;

/// <summary>
/// OncoKB-style therapeutic level of evidence (V2 scheme). Levels 1 to 4 grade sensitivity, R1 and R2
/// resistance. Serialised with <see cref="EvidenceLevels.ToCode"/> as <c>1</c>, <c>3A</c>, <c>R1</c>.
/// </summary>
public enum EvidenceLevel
{
    /// <summary>FDA-recognised biomarker for an FDA-approved drug in this indication.</summary>
    Level1,

    /// <summary>Standard-care biomarker (guideline) for an FDA-approved drug in this indication.</summary>
    Level2,

    /// <summary>Compelling clinical evidence in this indication; not standard care.</summary>
    Level3A,

    /// <summary>Standard-care or investigational biomarker in another indication.</summary>
    Level3B,

    /// <summary>Compelling biological (preclinical) evidence.</summary>
    Level4,

    /// <summary>Standard-care biomarker predicting resistance to an FDA-approved drug in this indication.</summary>
    R1,

    /// <summary>Compelling clinical evidence predicting resistance.</summary>
    R2,
}
