namespace TumorBoard.Core.Rules;

/// <summary>Text codes and display order of <see cref="EvidenceLevel"/>.</summary>
public static class EvidenceLevels
{
    /// <summary>The contract's code: <c>1</c>, <c>2</c>, <c>3A</c>, <c>3B</c>, <c>4</c>, <c>R1</c>, <c>R2</c>.</summary>
    public static string ToCode(this EvidenceLevel level) => level switch
    {
        EvidenceLevel.Level1 => "1",
        EvidenceLevel.Level2 => "2",
        EvidenceLevel.Level3A => "3A",
        EvidenceLevel.Level3B => "3B",
        EvidenceLevel.Level4 => "4",
        EvidenceLevel.R1 => "R1",
        EvidenceLevel.R2 => "R2",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>Parses a level code (case-insensitive); legacy OncoKB V1 codes 2A and 2B map to 2 and 3B.</summary>
    public static bool TryParse(string? code, out EvidenceLevel level)
    {
        switch (code?.Trim().ToUpperInvariant())
        {
            case "1": level = EvidenceLevel.Level1; return true;
            case "2" or "2A": level = EvidenceLevel.Level2; return true;
            case "3A": level = EvidenceLevel.Level3A; return true;
            case "3B" or "2B": level = EvidenceLevel.Level3B; return true;
            case "4": level = EvidenceLevel.Level4; return true;
            case "R1": level = EvidenceLevel.R1; return true;
            case "R2": level = EvidenceLevel.R2; return true;
            default: level = default; return false;
        }
    }

    /// <summary>
    /// Display rank, lower first. A standard-care resistance finding (R1) ranks right after Level 1 and
    /// R2 right after Level 2, because a board must see what not to give as early as what to give.
    /// </summary>
    public static int Rank(this EvidenceLevel level) => level switch
    {
        EvidenceLevel.Level1 => 0,
        EvidenceLevel.R1 => 1,
        EvidenceLevel.Level2 => 2,
        EvidenceLevel.R2 => 3,
        EvidenceLevel.Level3A => 4,
        EvidenceLevel.Level3B => 5,
        EvidenceLevel.Level4 => 6,
        _ => 7,
    };

    public static bool IsResistance(this EvidenceLevel level) => level is EvidenceLevel.R1 or EvidenceLevel.R2;
}
