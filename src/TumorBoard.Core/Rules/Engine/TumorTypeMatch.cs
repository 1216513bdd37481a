namespace TumorBoard.Core.Rules.Engine;

/// <summary>How a fired rule's tumour scope relates to the patient's tumour type; serialised lower-case.</summary>
public enum TumorTypeMatch
{
    /// <summary>The patient's OncoTree code is one the rule lists.</summary>
    Exact,

    /// <summary>The rule lists an ancestor of the patient's code (rule at NSCLC, patient LUAD).</summary>
    Ancestor,

    /// <summary>The rule is tumour-agnostic (all solid tumours, all tumours), minus its exclusions.</summary>
    Agnostic,

    /// <summary>
    /// Evidence from a different tumour type. The curated engine never produces it (a curated rule fires
    /// only inside its scope); it is kept for lower-priority suggestions such as imported CIViC evidence.
    /// </summary>
    Other,
}
