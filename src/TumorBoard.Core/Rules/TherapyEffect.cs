namespace TumorBoard.Core.Rules;

/// <summary>What the biomarker predicts for the therapy; serialised lower-case.</summary>
public enum TherapyEffect
{
    Sensitive,
    Resistant,
}
