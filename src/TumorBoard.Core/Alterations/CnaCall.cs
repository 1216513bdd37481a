namespace TumorBoard.Core.Alterations;

/// <summary>Copy-number call, from the lab's call or derived from the copy number.</summary>
public enum CnaCall
{
    Amplification,
    Gain,
    Loss,
    Deletion,
}
